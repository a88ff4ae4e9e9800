using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.Acc;

/// <summary>
/// Lateral lane geometry in the ego frame under the straight-lane assumption: the ego lane centre is at
/// y = −EgoLateralOffsetM, neighbouring lane centres one lane width to each side (left = +y = lower index).
/// </summary>
internal static class LaneGeometry
{
    /// <summary>Centre y of lane <paramref name="laneIndex"/>, m, in the ego frame.</summary>
    public static double LaneCentreYM(in WorldModelSnapshot world, int laneIndex) =>
        -world.EgoLateralOffsetM + ((world.EgoLaneIndex - laneIndex) * world.LaneWidthM);

    /// <summary>
    /// True when the object is in the ego lane: the tracker says so, or its near side is at least
    /// <paramref name="intrusionM"/> inside the ego lane edge (a cut-in counts from the moment it crosses the line).
    /// </summary>
    public static bool IsInEgoLane(in WorldModelSnapshot world, in TrackedObject item, double intrusionM)
    {
        if (item.LaneIndex == world.EgoLaneIndex)
        {
            return true;
        }

        double fromCentreM = Math.Abs(item.YM - LaneCentreYM(world, world.EgoLaneIndex));
        double nearSideFromCentreM = fromCentreM - (0.5 * item.WidthM);
        return nearSideFromCentreM < (0.5 * world.LaneWidthM) - intrusionM;
    }

    /// <summary>True when the object is in <paramref name="laneIndex"/>: by the tracker's index, or by its centre when unknown.</summary>
    public static bool IsInLane(in WorldModelSnapshot world, in TrackedObject item, int laneIndex)
    {
        if (item.LaneIndex != TrackedObject.UnknownLane)
        {
            return item.LaneIndex == laneIndex;
        }

        return Math.Abs(item.YM - LaneCentreYM(world, laneIndex)) < 0.5 * world.LaneWidthM;
    }
}
