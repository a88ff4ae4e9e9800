namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// What the lateral side did in one run. Lane keeping: offset of the rear axle from its lane's centre over the ticks
/// the planner steered outside a lane change, from the lane-keeping expectation's start (0 without one). Limits: the
/// ego's actual lateral acceleration v²κ and its tick-to-tick rate, over ticks the planner steered, from the first tick
/// the car was inside the acceleration limit (a scenario may start it beyond). Lane change: the
/// first lateral movement's target lane, the largest pass beyond its centre towards the far lane, and the largest
/// offset from its centre from the centring expectation's window on (null: no lane change, or no expectation).
/// </summary>
/// <param name="SystemSteeredTicks">Ticks the planner steered (the rest: the simulated driver).</param>
/// <param name="DriverSteeredAfterS">First tick the driver steered at or after the lane-keeping start (null: never).</param>
/// <param name="HoldingTicks">Ticks lateral control held the last good path (its input was rejected).</param>
/// <param name="TicksByReason">Ticks per <c>LateralReason</c> the controller reported (rejected input or a limit), by name.</param>
public sealed record LateralFigures(
    int SystemSteeredTicks,
    int LaneKeepingTicks,
    double? LaneKeepingRmsM,
    double? LaneKeepingMaxM,
    double? LaneKeepingMaxAtS,
    double? DriverSteeredAfterS,
    double PeakLateralAccelMps2,
    double? PeakLateralAccelAtS,
    double PeakLateralJerkMps3,
    double? PeakLateralJerkAtS,
    int? LaneChangeTargetLane,
    double? LaneChangeOvershootM,
    double? LaneChangeWorstOffsetM,
    double? LaneChangeFinalOffsetM,
    int HoldingTicks,
    IReadOnlyDictionary<string, int> TicksByReason);
