using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// Loads and validates a highway scenario file (JSON). Format (units in the key names; lanes numbered from 0 =
/// leftmost lane in the driving direction; stations are arc length along the road centreline, ahead positive):
/// <code>
/// { "name": "...", "description": "...", "seed": 7,
///   "road": { "laneCount": 3, "laneWidthM": 3.6, "curvaturePerM": 0.0004, "dashLengthM": 3, "gapLengthM": 9,
///             "markingWidthM": 0.15, "shoulderWidthM": 2.5 },
///   "ego": { "laneIndex": 1, "speedMps": 27, "startStationM": 0 },
///   "vehicles": [ { "id": 1, "laneIndex": 1, "stationOffsetM": 40, "speedMps": 25, "lengthM": 4.6, "widthM": 1.85,
///                   "heightM": 1.5, "color": [200, 30, 30],
///                   "laneChange": { "startS": 3, "targetLaneIndex": 0, "durationS": 4 } } ] }
/// </code>
/// Every broken rule raises a <see cref="ConfigException"/> naming the file, the JSON path of the field, the rule and
/// the value. Start-up only; allocates freely.
/// </summary>
public static class ScenarioFile
{
    /// <summary>Most lanes a road may have.</summary>
    public const int MaxLanes = 8;

    /// <summary>Most scripted vehicles: the label object list and the instance map (one byte per pixel) are sized by it.</summary>
    public const int MaxVehicles = 64;

    /// <summary>Largest object id (ids travel as 16-bit values in label files).</summary>
    public const int MaxObjectId = 65535;

    /// <summary>Tightest curve, 1/m: a 100 m radius is far below any highway design radius and keeps the road inside its circle.</summary>
    public const double MaxAbsCurvaturePerM = 0.01;

    /// <summary>Highest speed accepted, m/s (250 km/h): above it the value is almost surely in km/h.</summary>
    public const double MaxSpeedMps = 70;

    /// <summary>Farthest start offset between a vehicle and the ego, metres.</summary>
    public const double MaxStationOffsetM = 5000;

    /// <summary>Ego body extent along x from the rear axle (ISO 8855 origin), metres: a typical 4.9 m saloon.</summary>
    public const double EgoBodyRearM = -1.0;

    /// <summary>See <see cref="EgoBodyRearM"/>.</summary>
    public const double EgoBodyFrontM = 3.9;

    public static HighwayScenario Load(string path) => Parse(JsonConfigNode.ParseFile(path));

    public static HighwayScenario LoadText(string fileNameForMessages, string json) => Parse(JsonConfigNode.Parse(fileNameForMessages, json));

    private static HighwayScenario Parse(JsonConfigNode root)
    {
        root.RejectUnknownKeys("name", "description", "seed", "road", "ego", "vehicles");
        string name = root.String("name", Path.GetFileNameWithoutExtension(root.File));
        _ = root.String("description", string.Empty);
        uint seed = (uint)root.NumberWhere("seed", v => v >= 0 && v <= uint.MaxValue && v == Math.Floor(v), "must be a whole number in 0..4294967295");
        RoadSpec road = ParseRoad(root.Child("road"));
        EgoSpec ego = ParseEgo(root.Child("ego"), road);
        JsonConfigNode vehiclesNode = root.Child("vehicles");
        IReadOnlyList<JsonConfigNode> items = vehiclesNode.Items();
        if (items.Count > MaxVehicles)
        {
            throw vehiclesNode.Error($"must list at most {MaxVehicles} vehicles", items.Count.ToString(CultureInfo.InvariantCulture));
        }

        var vehicles = new List<VehicleSpec>(items.Count);
        var seen = new Dictionary<int, string>();
        foreach (JsonConfigNode item in items)
        {
            VehicleSpec vehicle = ParseVehicle(item, road, ego);
            if (seen.TryGetValue(vehicle.Id, out string? firstPath))
            {
                throw item.FieldError("id", $"must be unique in the scenario; already used by {firstPath}", vehicle.Id.ToString(CultureInfo.InvariantCulture));
            }

            seen.Add(vehicle.Id, item.Path);
            vehicles.Add(vehicle);
        }

        return new HighwayScenario(name, seed, road, ego, vehicles);
    }

    private static RoadSpec ParseRoad(JsonConfigNode node)
    {
        node.RejectUnknownKeys("laneCount", "laneWidthM", "curvaturePerM", "dashLengthM", "gapLengthM", "markingWidthM", "shoulderWidthM");
        int laneCount = WholeNumber(node, "laneCount", 1, MaxLanes);
        double laneWidth = node.NumberWhere("laneWidthM", v => v >= 2 && v <= 6, "must be a lane width in 2..6 m");
        double curvature = node.NumberWhere("curvaturePerM", v => Math.Abs(v) <= MaxAbsCurvaturePerM,
            FormattableString.Invariant($"must be a curvature within ±{MaxAbsCurvaturePerM} 1/m (radius >= 100 m); 0 is straight"));
        double dash = node.NumberWhere("dashLengthM", v => v > 0 && v <= 50, "must be a dash length in (0, 50] m");
        double gap = node.NumberWhere("gapLengthM", v => v > 0 && v <= 50, "must be a gap length in (0, 50] m");
        double marking = node.NumberWhere("markingWidthM", v => v > 0 && v <= laneWidth / 4,
            FormattableString.Invariant($"must be a line width in (0, laneWidthM / 4 = {laneWidth / 4}] m"));
        double shoulder = node.NumberWhere("shoulderWidthM", v => v >= 0 && v <= 10, "must be a shoulder width in 0..10 m");
        return new RoadSpec(laneCount, laneWidth, curvature, dash, gap, marking, shoulder);
    }

    private static EgoSpec ParseEgo(JsonConfigNode node, RoadSpec road)
    {
        node.RejectUnknownKeys("laneIndex", "speedMps", "startStationM");
        int lane = LaneIndex(node, "laneIndex", road);
        double speed = Speed(node, "speedMps");
        double start = node.NumberWhere("startStationM", v => Math.Abs(v) <= 1e6, "must be a station within ±1e6 m");
        return new EgoSpec(lane, speed, start);
    }

    private static VehicleSpec ParseVehicle(JsonConfigNode node, RoadSpec road, EgoSpec ego)
    {
        node.RejectUnknownKeys("id", "laneIndex", "stationOffsetM", "speedMps", "lengthM", "widthM", "heightM", "color", "laneChange");
        int id = WholeNumber(node, "id", 1, MaxObjectId);
        int lane = LaneIndex(node, "laneIndex", road);
        double offset = node.NumberWhere("stationOffsetM", v => Math.Abs(v) <= MaxStationOffsetM,
            FormattableString.Invariant($"must be a station offset within ±{MaxStationOffsetM} m"));
        double speed = Speed(node, "speedMps");
        double length = node.NumberWhere("lengthM", v => v > 0 && v <= 30, "must be a box length in (0, 30] m");
        double width = node.NumberWhere("widthM", v => v > 0 && v <= Math.Min(4, road.LaneWidthM),
            FormattableString.Invariant($"must be a box width in (0, min(4, laneWidthM) = {Math.Min(4, road.LaneWidthM)}] m"));
        double height = node.NumberWhere("heightM", v => v > 0 && v <= 5, "must be a box height in (0, 5] m");
        Rgb24Color color = ParseColor(node.Child("color"));
        LaneChangeSpec? laneChange = null;
        if (node.OptionalChild("laneChange") is JsonConfigNode changeNode)
        {
            laneChange = ParseLaneChange(changeNode, road, lane, speed);
        }

        double egoCentreM = (EgoBodyRearM + EgoBodyFrontM) / 2;
        double minGapM = (length / 2) + ((EgoBodyFrontM - EgoBodyRearM) / 2);
        if (lane == ego.LaneIndex && Math.Abs(offset - egoCentreM) < minGapM)
        {
            throw node.FieldError("stationOffsetM",
                FormattableString.Invariant($"a vehicle in the ego lane must not overlap the ego body at t = 0: |offset − {egoCentreM}| must be >= {minGapM} m"),
                offset.ToString("R", CultureInfo.InvariantCulture));
        }

        return new VehicleSpec(id, lane, offset, speed, length, width, height, color, laneChange);
    }

    private static LaneChangeSpec ParseLaneChange(JsonConfigNode node, RoadSpec road, int fromLane, double speedMps)
    {
        node.RejectUnknownKeys("startS", "targetLaneIndex", "durationS");
        if (speedMps <= 0)
        {
            throw node.Error("a lane change needs a moving vehicle: speedMps must be > 0", "speedMps 0");
        }

        double start = node.NumberWhere("startS", v => v >= 0 && v <= 86400, "must be a start time in 0..86400 s");
        int target = LaneIndex(node, "targetLaneIndex", road);
        if (target == fromLane)
        {
            throw node.FieldError("targetLaneIndex", "must differ from the vehicle's laneIndex", target.ToString(CultureInfo.InvariantCulture));
        }

        double duration = node.NumberWhere("durationS", v => v > 0 && v <= 30, "must be a duration in (0, 30] s");
        return new LaneChangeSpec(start, target, duration);
    }

    private static Rgb24Color ParseColor(JsonConfigNode node)
    {
        double[] c = node.Numbers(3);
        foreach (double v in c)
        {
            if (v < 0 || v > 255 || v != Math.Floor(v))
            {
                throw node.Error("must be [r, g, b] with whole numbers in 0..255", FormattableString.Invariant($"[{c[0]}, {c[1]}, {c[2]}]"));
            }
        }

        return new Rgb24Color((byte)c[0], (byte)c[1], (byte)c[2]);
    }

    private static int LaneIndex(JsonConfigNode node, string key, RoadSpec road) =>
        WholeNumber(node, key, 0, road.LaneCount - 1, $" (lane inside the road: 0 = leftmost of {road.LaneCount} lanes)");

    private static double Speed(JsonConfigNode node, string key) =>
        node.NumberWhere(key, v => v >= 0 && v <= MaxSpeedMps, FormattableString.Invariant($"must be a speed in 0..{MaxSpeedMps} m/s"));

    private static int WholeNumber(JsonConfigNode node, string key, int min, int max, string why = "") =>
        (int)node.NumberWhere(key, v => v >= min && v <= max && v == Math.Floor(v), $"must be a whole number in {min}..{max}{why}");
}
