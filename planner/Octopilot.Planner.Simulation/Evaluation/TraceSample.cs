using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// One tick of a closed-loop run: the ground truth at <see cref="TimeS"/> and what the planner answered to it.
/// Gaps are bumper to bumper along the road; null when there is no such vehicle.
/// </summary>
/// <param name="EgoAccelMps2">The ego's actual acceleration (after the actuator lag), not the command.</param>
/// <param name="LeadGapM">Gap to the nearest vehicle ahead that overlaps the ego laterally.</param>
/// <param name="DesiredGapM">d0 + v·T for the driver's current time-gap setting.</param>
/// <param name="ClosestGapM">Smallest longitudinal separation to any laterally overlapping vehicle, ahead or behind; ≤ 0 is a collision.</param>
/// <param name="RearGapM">While a target lane is set: gap from the ego rear bumper to the front of the target-lane vehicle
/// with the least margin over S_rear (negative when alongside).</param>
/// <param name="RearRequiredGapM">S_rear (UN R79) for that vehicle.</param>
public readonly record struct TraceSample(
    double TimeS,
    double EgoSpeedMps,
    double EgoAccelMps2,
    double CommandMps2,
    int EgoLane,
    double? LeadGapM,
    double DesiredGapM,
    double? ClosestGapM,
    TakeoverReason Takeover,
    LaneChangeState LaneChangeState,
    LaneChangeReason LaneChangeTransition,
    double? RearGapM,
    double? RearRequiredGapM);
