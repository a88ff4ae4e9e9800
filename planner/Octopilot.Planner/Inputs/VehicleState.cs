namespace Octopilot.Planner.Inputs;

/// <summary>Measured ego vehicle state, sampled for this tick.</summary>
public readonly struct VehicleState
{
    /// <summary>Longitudinal speed over ground, m/s (≥ 0; the planner never commands reverse).</summary>
    public double SpeedMps { get; init; }

    /// <summary>Measured longitudinal acceleration, m/s². Seeds the jerk limiter on engagement.</summary>
    public double AccelMps2 { get; init; }

    /// <summary>Yaw rate, rad/s, positive to the left. Validated; not used by the straight-lane rules yet.</summary>
    public double YawRateRadps { get; init; }

    public DriverInputs Driver { get; init; }
}
