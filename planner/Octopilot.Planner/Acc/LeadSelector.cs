using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.Acc;

/// <summary>
/// Lead selection: the nearest object in the ego lane whose centre is ahead of the rear axle. "In the ego lane"
/// includes a cut-in whose near side has crossed the lane edge (see <see cref="LaneGeometry.IsInEgoLane"/>), so a
/// cut-in becomes the lead on the tick it crosses; the jerk limiter then shapes the response.
/// </summary>
internal static class LeadSelector
{
    /// <summary>The lead, or <see cref="Lead.None"/>. Assumes validated input (no NaN, gaps ≥ 0; see the validator).</summary>
    public static Lead Select(in WorldModelSnapshot world, PlannerOptions options)
    {
        Lead best = Lead.None;
        foreach (ref readonly TrackedObject item in world.Objects.AsSpan())
        {
            if (item.XM <= 0 || !LaneGeometry.IsInEgoLane(world, item, options.CutInIntrusionM))
            {
                continue;
            }

            double gapM = item.RearXM - options.EgoFrontBumperXM;
            if (!best.Exists || gapM < best.GapM)
            {
                best = new Lead(true, item.Id, gapM, item.VxMps, item.AxMps2);
            }
        }

        return best;
    }
}
