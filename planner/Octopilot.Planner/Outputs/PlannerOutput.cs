using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Outputs;

/// <summary>
/// The control command of one tick, plus what a log, a scenario checker or a driver display needs to explain it.
/// Never contains NaN or ±Inf.
/// </summary>
public readonly struct PlannerOutput
{
    /// <summary>Target longitudinal acceleration, m/s²: inside the ISO 15622 envelope and jerk-limited.</summary>
    public double TargetAccelMps2 { get; init; }

    public LongitudinalMode Mode { get; init; }

    public LaneChangeState LaneChangeState { get; init; }

    /// <summary>The transition taken this tick, <see cref="LaneChangeReason.None"/> when the state did not change.</summary>
    public LaneChangeReason LaneChangeTransition { get; init; }

    /// <summary>Target lane index (0 = leftmost), −1 when no lane change is active.</summary>
    public int TargetLaneIndex { get; init; }

    /// <summary>
    /// Lateral target for the vehicle's lateral controller, m, positive left, measured from the centre of the lane the
    /// procedure started in. A smooth (quintic, zero lateral speed and acceleration at both ends) path: 0 before
    /// the change, ± lane width when done, back towards 0 while aborting.
    /// </summary>
    public double LateralTargetOffsetM { get; init; }

    /// <summary>Lane-change progress 0..1 along the lateral path (0.5 = ego centre over the lane line).</summary>
    public double LaneChangeProgress { get; init; }

    /// <summary>Requested path curvature from the lateral controller, 1/m, positive left; rate-limited on every tick
    /// (also while releasing). 0 and ramping to 0 when <see cref="LateralAuthority"/> is None.</summary>
    public double CurvaturePerM { get; init; }

    /// <summary>How much the lateral controller steers on this tick (None: the EPS should release).</summary>
    public LateralAuthority LateralAuthority { get; init; }

    /// <summary>The lateral controller's highest-priority rejection or limit of this tick; None when clean.</summary>
    public LateralReason LateralReason { get; init; }

    public PlannerAlerts Alerts { get; init; }

    public TakeoverReason TakeoverReason { get; init; }

    public InputFault Fault { get; init; }

    /// <summary>Track id of the lead, −1 when there is none.</summary>
    public int LeadId { get; init; }

    /// <summary>Bumper-to-bumper gap to the lead, m; 0 when there is none.</summary>
    public double LeadGapM { get; init; }

    /// <summary>Desired gap d0 + v·T at the current speed, m.</summary>
    public double DesiredGapM { get; init; }

    /// <summary>Constant deceleration needed to stay <see cref="PlannerOptions.TakeoverMinGapM"/> behind the lead, m/s² (≥ 0).</summary>
    public double RequiredDecelMps2 { get; init; }

    public bool TakeoverRequested => (Alerts & PlannerAlerts.TakeoverRequest) != 0;
}
