using Octopilot.Inference.Manifest;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// Picks the true mask for a segmentation head: the runtime's lanes and drivable targets, and a head for solid lines.
/// The solid-lines head is recognised by its target's enum name or its target name (<c>solid_lines</c>, <c>solidLines</c>,
/// …), so this compiles and works both before and after the runtime gives it its own <see cref="SegmentationTarget"/>.
/// Other heads have no label to measure against (null).
/// </summary>
internal static class SegmentationTruths
{
    public static SegmentationTruth? For(SegmentationHeadSpec head) => head.Target switch
    {
        SegmentationTarget.Lanes => SegmentationTruth.LaneMarking,
        SegmentationTarget.Drivable => SegmentationTruth.Drivable,
        _ when IsSolidLines(head.Target.ToString()) || IsSolidLines(head.TargetName) => SegmentationTruth.SolidLaneMarking,
        _ => null,
    };

    public static bool[] Mask(CellTruth truth, SegmentationTruth kind) => kind switch
    {
        SegmentationTruth.LaneMarking => truth.LaneMarking,
        SegmentationTruth.Drivable => truth.Drivable,
        _ => truth.SolidLaneMarking,
    };

    /// <summary>The rule a mask's cells follow, for the report.</summary>
    public static string Rule(SegmentationTruth kind) => kind switch
    {
        SegmentationTruth.LaneMarking => "cell has any lane-paint pixel (laneMarking or solidLaneMarking); predicted when lanes >= 0.5",
        SegmentationTruth.Drivable => "at least half the cell's pixels drivable (road or lane paint); predicted when drivable >= 0.5",
        _ => "cell has any solidLaneMarking pixel; predicted when the head >= 0.5",
    };

    private static bool IsSolidLines(string name)
    {
        string n = string.Concat(name.Where(char.IsLetterOrDigit)).ToLowerInvariant();
        return n is "solidlines" or "solidlanes" or "solidlanemarking" or "solidlanemarkings" or "solid";
    }
}
