using Octopilot.Core.Configuration;
using Octopilot.Planner.LaneChange;

namespace Octopilot.Planner.Simulation.Scenarios;

public static partial class ScenarioFile
{
    private static List<TrafficVehicleSpec> ReadTraffic(JsonConfigNode list, RoadSpec road, double durationS)
    {
        var vehicles = new List<TrafficVehicleSpec>();
        foreach (JsonConfigNode v in list.Items())
        {
            v.RejectUnknownKeys("id", "lane", "gapAheadM", "gapBehindM", "xM", "speedMps", "lengthM", "widthM", "actions");
            int id = IntegerWhere(v, "id", null, n => n > 0, "must be a positive whole number");
            if (vehicles.Any(other => other.Id == id))
            {
                throw v.FieldError("id", "must be unique among the traffic vehicles", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            ExactlyOne(v, "gapAheadM", "gapBehindM", "xM");
            var placement = new TrafficPlacement(
                v.Has("gapAheadM") ? v.NumberWhere("gapAheadM", g => g >= 0, "must be ≥ 0 m") : null,
                v.Has("gapBehindM") ? v.NumberWhere("gapBehindM", g => g >= 0, "must be ≥ 0 m") : null,
                v.Has("xM") ? v.Number("xM") : null);
            var actions = new List<TrafficAction>();
            if (v.OptionalChild("actions") is JsonConfigNode a)
            {
                foreach (JsonConfigNode action in a.Items())
                {
                    actions.Add(ReadAction(action, road, durationS));
                }
            }

            vehicles.Add(new TrafficVehicleSpec(
                id,
                LaneIndex(v, "lane", road),
                placement,
                Speed(v, "speedMps"),
                v.NumberWhere("lengthM", TrafficVehicleSpec.DefaultLengthM, l => l is >= 2 and <= 25, "must be in 2..25 m"),
                v.NumberWhere("widthM", TrafficVehicleSpec.DefaultWidthM, w => w is >= 0.5 and <= 3, "must be in 0.5..3 m"),
                actions));
        }

        return vehicles;
    }

    private static TrafficAction ReadAction(JsonConfigNode action, RoadSpec road, double durationS)
    {
        action.RejectUnknownKeys("atS", "whenGapAheadOfEgoM", "whenEgoLaneChange", "speedMps", "accelMps2", "toLane", "durationS");
        ExactlyOne(action, "atS", "whenGapAheadOfEgoM", "whenEgoLaneChange");
        var trigger = new TrafficTrigger(
            OptionalTime(action, "atS", durationS),
            action.Has("whenGapAheadOfEgoM") ? action.NumberWhere("whenGapAheadOfEgoM", g => g >= 0, "must be ≥ 0 m") : null,
            action.OptionalChild("whenEgoLaneChange") is JsonConfigNode s ? EnumValue<LaneChangeState>(s) : null);

        if (!action.Has("speedMps") && !action.Has("toLane"))
        {
            throw action.Error("must change the speed (speedMps with accelMps2) or the lane (toLane), or both");
        }

        double? speedMps = action.Has("speedMps") ? Speed(action, "speedMps") : null;
        if (speedMps is not null && !action.Has("accelMps2"))
        {
            throw action.FieldError("accelMps2", "is required with speedMps (the magnitude of the acceleration or deceleration)");
        }

        if (speedMps is null && action.Has("accelMps2"))
        {
            throw action.FieldError("accelMps2", "is only allowed with speedMps");
        }

        double accelMps2 = speedMps is null ? 0 : action.NumberWhere("accelMps2", x => x is > 0 and <= 12, "must be a magnitude in (0, 12] m/s²");
        int? toLane = action.Has("toLane") ? LaneIndex(action, "toLane", road) : null;
        if (toLane is null && action.Has("durationS"))
        {
            throw action.FieldError("durationS", "is only allowed with toLane");
        }

        double laneChangeS = action.NumberWhere("durationS", TrafficAction.DefaultLaneChangeDurationS, d => d is >= 0.5 and <= 10, "must be in 0.5..10 s");
        return new TrafficAction(trigger, speedMps, accelMps2, toLane, laneChangeS);
    }

    private static void ExactlyOne(JsonConfigNode node, params string[] keys)
    {
        string[] present = keys.Where(node.Has).ToArray();
        if (present.Length != 1)
        {
            throw node.Error($"must have exactly one of {string.Join(", ", keys)}",
                present.Length == 0 ? "none" : string.Join(", ", present));
        }
    }
}
