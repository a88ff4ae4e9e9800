using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
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
/// <param name="EgoYM">Ego rear axle offset left of lane 0's centre, m (lane i's centre is at −i·width).</param>
/// <param name="EgoCurvaturePerM">The ego's actual path curvature (after the steering lag), 1/m, left positive.</param>
/// <param name="EgoLateralAccelMps2">The ego's actual lateral acceleration v²κ, m/s².</param>
/// <param name="CurvatureCommandPerM">What the planner commanded, 1/m.</param>
/// <param name="LateralAuthority">Whether the planner steered on this tick.</param>
/// <param name="DriverSteers">The simulated driver steered (the planner had no lateral authority).</param>
/// <param name="TargetLane">The lane-change target lane, −1 without one.</param>
/// <param name="LateralReason">Why the lateral controller rejected or limited this tick (None: it did not).</param>
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
    double? RearRequiredGapM,
    double EgoYM = 0,
    double EgoCurvaturePerM = 0,
    double EgoLateralAccelMps2 = 0,
    double CurvatureCommandPerM = 0,
    LateralAuthority LateralAuthority = LateralAuthority.None,
    bool DriverSteers = false,
    int TargetLane = -1,
    LateralReason LateralReason = LateralReason.None);
