using Octopilot.Planner.Lateral;
using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.Acc;

/// <summary>
/// Lateral lane geometry in the ego frame: the ego lane centre follows the world model's ego centre line where it has
/// one (so a car in the outer lane of a curve is not taken for a lead), else the straight-lane assumption
/// y = −EgoLateralOffsetM; neighbouring lane centres one lane width to each side (left = +y = lower index).
/// </summary>
internal static class LaneGeometry
{
    /// <summary>
    /// Farthest x the centre line polynomial is evaluated at, m: fits cover the camera's useful range, and a cubic
    /// extrapolated beyond it bends off quickly; farther objects use the line's value here.
    /// </summary>
    private const double CentreLineReachM = 100;

    /// <summary>Centre y of lane <paramref name="laneIndex"/> at x = <paramref name="xM"/>, m, in the ego frame.</summary>
    public static double LaneCentreYM(in WorldModelSnapshot world, int laneIndex, double xM)
    {
        LaneCentreLine line = world.EgoCentreLine;
        double egoCentreYM = line.IsPresent && line.IsFinite
            ? line.YAtM(Math.Clamp(xM, 0, CentreLineReachM))
            : -world.EgoLateralOffsetM;
        return egoCentreYM + ((world.EgoLaneIndex - laneIndex) * world.LaneWidthM);
    }

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

        double fromCentreM = Math.Abs(item.YM - LaneCentreYM(world, world.EgoLaneIndex, item.XM));
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

        return Math.Abs(item.YM - LaneCentreYM(world, laneIndex, item.XM)) < 0.5 * world.LaneWidthM;
    }
}
