using Octopilot.Planner.Acc;
using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.LaneChange;

/// <summary>
/// Judges the gap in the target lane: nothing alongside (longitudinal overlap with the ego body), nothing ahead
/// within <c>frontClearanceM</c> of the front bumper, and every vehicle behind at least S_rear (UN R79) behind the
/// rear bumper.
/// </summary>
internal static class TargetLaneGap
{
    public static GapVerdict Evaluate(in WorldModelSnapshot world, int targetLane, double egoSpeedMps, double frontClearanceM,
        PlannerOptions options)
    {
        foreach (ref readonly TrackedObject item in world.Objects.AsSpan())
        {
            if (!LaneGeometry.IsInLane(world, item, targetLane))
            {
                continue;
            }

            double frontGapM = item.RearXM - options.EgoFrontBumperXM;
            double rearGapM = options.EgoRearBumperXM - item.FrontXM;
            if (frontGapM > 0)
            {
                if (frontGapM < frontClearanceM)
                {
                    return GapVerdict.FrontOccupied;
                }
            }
            else if (rearGapM > 0)
            {
                if (rearGapM < RearSafety.RequiredGapM(item.VxMps, egoSpeedMps))
                {
                    return GapVerdict.RearTooClose;
                }
            }
            else
            {
                return GapVerdict.Alongside;
            }
        }

        return GapVerdict.Clear;
    }
}
