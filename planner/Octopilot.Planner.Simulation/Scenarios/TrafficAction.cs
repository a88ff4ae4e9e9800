namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// A change a traffic vehicle makes once, when its trigger fires: a speed change towards
/// <see cref="TargetSpeedMps"/> at <see cref="AccelMagnitudeMps2"/>, a lane change to <see cref="ToLane"/> over
/// <see cref="LaneChangeDurationS"/> (quintic lateral path), or both.
/// </summary>
public sealed record TrafficAction(
    TrafficTrigger Trigger,
    double? TargetSpeedMps,
    double AccelMagnitudeMps2,
    int? ToLane,
    double LaneChangeDurationS)
{
    /// <summary>Lateral duration of a traffic lane change, s. Source: naturalistic lane changes take 3–6 s; cut-ins are quicker.</summary>
    public const double DefaultLaneChangeDurationS = 3.0;
}
