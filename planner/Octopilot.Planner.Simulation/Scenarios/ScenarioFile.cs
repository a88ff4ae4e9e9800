using System.Globalization;
using System.Text.Json;
using Octopilot.Core.Configuration;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// Reads scenario files (format: README.md of this project). Strict: unknown keys, wrong types, out-of-range values
/// and contradictions throw <see cref="ConfigException"/> naming the file, the JSON path and the broken rule.
/// Start-up only; allocates freely.
/// </summary>
public static partial class ScenarioFile
{
    /// <summary>Longest scenario accepted, s: keeps a suite run well under a minute.</summary>
    public const double MaxDurationS = 600;

    /// <summary>Upper bound for any speed in a file, m/s (252 km/h): catches km/h typed as m/s.</summary>
    public const double MaxSpeedMps = 70;

    public static Scenario Load(string path) => Read(JsonConfigNode.ParseFile(path));

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is used in messages and results only.</summary>
    public static Scenario Parse(string file, string text) => Read(JsonConfigNode.Parse(file, text));

    private static Scenario Read(JsonConfigNode root)
    {
        root.RejectUnknownKeys("name", "description", "durationS", "road", "ego", "driver", "traffic", "world", "expect");
        string name = root.String("name");
        if (name.Length == 0)
        {
            throw root.FieldError("name", "must not be empty", "\"\"");
        }

        double durationS = root.NumberWhere("durationS", d => d > 0 && d <= MaxDurationS, $"must be in (0, {MaxDurationS}] s");
        RoadSpec road = ReadRoad(root.OptionalChild("road"));
        EgoSpec ego = ReadEgo(root.Child("ego"), road);
        DriverScript driver = ReadDriver(root.Child("driver"), durationS);
        IReadOnlyList<TrafficVehicleSpec> traffic = root.OptionalChild("traffic") is JsonConfigNode t ? ReadTraffic(t, road, durationS) : [];
        WorldScript world = ReadWorld(root.OptionalChild("world"), durationS);
        ScenarioExpectations expect = ReadExpect(root.Child("expect"), durationS);
        return new Scenario(root.File, name, root.String("description", string.Empty), durationS, road, ego, driver, traffic, world, expect);
    }

    private static RoadSpec ReadRoad(JsonConfigNode? node)
    {
        if (node is not JsonConfigNode road)
        {
            return new RoadSpec(RoadSpec.DefaultLaneCount, RoadSpec.DefaultLaneWidthM);
        }

        road.RejectUnknownKeys("laneCount", "laneWidthM", "curveRadiusM");
        int lanes = IntegerWhere(road, "laneCount", RoadSpec.DefaultLaneCount, n => n is >= 1 and <= 8, "must be in 1..8");
        double widthM = road.NumberWhere("laneWidthM", RoadSpec.DefaultLaneWidthM, w => w is >= 2 and <= 6, "must be in 2..6 m");
        double curvaturePerM = road.Has("curveRadiusM")
            ? 1 / road.NumberWhere("curveRadiusM", r => Math.Abs(r) >= RoadSpec.MinCurveRadiusM && double.IsFinite(r),
                $"must be a radius of at least {Text(RoadSpec.MinCurveRadiusM)} m, positive bending left, negative bending right (omit it for a straight road)")
            : 0;
        return new RoadSpec(lanes, widthM, curvaturePerM);
    }

    private static EgoSpec ReadEgo(JsonConfigNode ego, RoadSpec road)
    {
        ego.RejectUnknownKeys("lane", "speedMps", "actuatorLagS", "steeringLagS", "wheelbaseM", "widthM", "lateralOffsetM");
        int lane = LaneIndex(ego, "lane", road);
        double speedMps = Speed(ego, "speedMps");
        double lagS = ego.NumberWhere("actuatorLagS", EgoSpec.DefaultActuatorLagS, l => l is >= 0.01 and <= 2, "must be in 0.01..2 s");
        double steeringLagS = ego.NumberWhere("steeringLagS", EgoSpec.DefaultSteeringLagS, l => l is >= 0 and <= 1, "must be in 0..1 s");
        double wheelbaseM = ego.NumberWhere("wheelbaseM", KinematicBicycle.DefaultWheelbaseM, l => l is >= 1.5 and <= 6, "must be in 1.5..6 m");
        double widthM = ego.NumberWhere("widthM", EgoSpec.DefaultWidthM, w => w is >= 1 and <= 3, "must be in 1..3 m");
        double halfLaneM = road.LaneWidthM / 2;
        double offsetM = ego.NumberWhere("lateralOffsetM", 0, o => Math.Abs(o) < halfLaneM,
            $"must be an offset from the lane centre inside the lane, |offset| < {Text(halfLaneM)} m");
        return new EgoSpec(lane, speedMps, lagS, steeringLagS, widthM, offsetM, wheelbaseM);
    }

    private static DriverScript ReadDriver(JsonConfigNode driver, double durationS)
    {
        driver.RejectUnknownKeys("setSpeedMps", "timeGap", "engaged", "events");
        double setSpeedMps = Speed(driver, "setSpeedMps");
        TimeGapSetting gap = driver.OptionalChild("timeGap") is JsonConfigNode g ? EnumValue<TimeGapSetting>(g) : TimeGapSetting.Medium;
        bool engaged = driver.Boolean("engaged", true);
        var events = new List<DriverEvent>();
        if (driver.OptionalChild("events") is JsonConfigNode list)
        {
            foreach (JsonConfigNode e in list.Items())
            {
                e.RejectUnknownKeys("atS", "setSpeedMps", "timeGap", "engaged", "laneChange", "resume");
                if (!e.Element.EnumerateObject().Any(p => p.Name != "atS"))
                {
                    throw e.Error("must change something besides atS (setSpeedMps, timeGap, engaged, laneChange or resume)");
                }

                events.Add(new DriverEvent(
                    Time(e, "atS", durationS),
                    e.Has("setSpeedMps") ? Speed(e, "setSpeedMps") : null,
                    e.OptionalChild("timeGap") is JsonConfigNode tg ? EnumValue<TimeGapSetting>(tg) : null,
                    e.Has("engaged") ? e.Boolean("engaged", true) : null,
                    e.OptionalChild("laneChange") is JsonConfigNode lc ? EnumValue<Side>(lc) : null,
                    e.Boolean("resume", false)));
            }
        }

        return new DriverScript(setSpeedMps, gap, engaged, events);
    }

    private static WorldScript ReadWorld(JsonConfigNode? node, double durationS)
    {
        if (node is not JsonConfigNode world)
        {
            return new WorldScript(WorldScript.DefaultSensorRangeM, []);
        }

        world.RejectUnknownKeys("sensorRangeM", "faults", "laneNoise");
        double rangeM = world.NumberWhere("sensorRangeM", WorldScript.DefaultSensorRangeM, r => r is >= 10 and <= 500, "must be in 10..500 m");
        var faults = new List<WorldFault>();
        if (world.OptionalChild("faults") is JsonConfigNode list)
        {
            foreach (JsonConfigNode f in list.Items())
            {
                f.RejectUnknownKeys("kind", "fromS", "toS");
                double fromS = Time(f, "fromS", durationS);
                double toS = f.NumberWhere("toS", t => t > fromS, $"must be after fromS ({Text(fromS)} s)");
                faults.Add(new WorldFault(EnumValue<WorldFaultKind>(f.Child("kind")), fromS, toS));
            }
        }

        LaneNoise? noise = null;
        if (world.OptionalChild("laneNoise") is JsonConfigNode n)
        {
            n.RejectUnknownKeys("c0M", "c1", "seed");
            noise = new LaneNoise(
                n.NumberWhere("c0M", v => v is >= 0 and <= 1, "must be a standard deviation in 0..1 m"),
                n.NumberWhere("c1", v => v is >= 0 and <= 0.1, "must be a standard deviation in 0..0.1 (slope)"),
                IntegerWhere(n, "seed", 1, v => v >= 0, "must be ≥ 0"));
        }

        return new WorldScript(rangeM, faults, noise);
    }

    // ---- Shared field rules -------------------------------------------------------------------------------------

    private static double Speed(JsonConfigNode node, string key) =>
        node.NumberWhere(key, v => v is >= 0 and <= MaxSpeedMps, $"must be a speed in 0..{Text(MaxSpeedMps)} m/s");

    private static double Time(JsonConfigNode node, string key, double durationS) =>
        node.NumberWhere(key, t => t >= 0 && t <= durationS, $"must be a time in 0..durationS ({Text(durationS)} s)");

    private static double? OptionalTime(JsonConfigNode node, string key, double durationS) =>
        node.Has(key) ? Time(node, key, durationS) : null;

    private static int LaneIndex(JsonConfigNode node, string key, RoadSpec road) =>
        IntegerWhere(node, key, null, n => n >= 0 && n < road.LaneCount, $"must be a lane index in 0..{road.LaneCount - 1} (0 = leftmost)");

    private static int IntegerWhere(JsonConfigNode node, string key, int? fallback, Func<int, bool> isAllowed, string rule)
    {
        if (fallback is int f && !node.Has(key))
        {
            return f;
        }

        JsonConfigNode child = node.Child(key);
        int value = child.AsInteger();
        return isAllowed(value) ? value : throw child.Error(rule, value.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>An enum written in camelCase (<c>"waitingForGap"</c>); the error lists the allowed names.</summary>
    private static T EnumValue<T>(JsonConfigNode node)
        where T : struct, Enum
    {
        string text = node.AsString();
        foreach (T value in Enum.GetValues<T>())
        {
            if (JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) == text)
            {
                return value;
            }
        }

        string allowed = string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        throw node.Error($"must be one of: {allowed}", $"\"{text}\"");
    }

    private static string Text(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
