using System.Globalization;
using Octopilot.DriveLog.Format;

namespace Octopilot.Replay.Playback;

/// <summary>
/// The facts a replay needs from a drive's segment header <see cref="SegmentInfo.Properties"/>, under these names
/// (written by the recording host, read here; FORMAT.md lists them). Missing or malformed ones are reported by name.
/// </summary>
public static class ReplayProperties
{
    public const string Mode = "mode";
    public const string Perception = "perception";
    public const string PerceptionStride = "perceptionStride";
    public const string ClassNames = "classNames";
    public const string MaxDetections = "maxDetections";
    public const string ScenarioFile = "scenarioFile";
    public const string Scenario = "scenario";
    public const string SimStartNs = "simStartNs";
    public const string SyncToleranceNs = "syncToleranceNs";
    public const string SetDeadlineNs = "setDeadlineNs";
    public const string FramesPerSecond = "framesPerSecond";
    public const string ModelPath = "modelPath";

    public static string Require(SegmentInfo info, string name) =>
        info.Properties.TryGetValue(name, out string? value) && value.Length > 0
            ? value
            : throw new ReplayException($"drive {info.DriveId}: the segment header has no '{name}' property; this drive cannot be replayed by this build (recorded by another tool?)");

    public static long RequireInt64(SegmentInfo info, string name) =>
        long.TryParse(Require(info, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new ReplayException($"drive {info.DriveId}: property '{name}' = '{info.Properties[name]}' is not a whole number");

    public static double RequireDouble(SegmentInfo info, string name) =>
        double.TryParse(Require(info, name), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && double.IsFinite(value)
            ? value
            : throw new ReplayException($"drive {info.DriveId}: property '{name}' = '{info.Properties[name]}' is not a finite number");

    public static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
