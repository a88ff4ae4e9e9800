namespace Octopilot.Fusion.Tracking;

/// <summary>
/// The ego vehicle's own motion over the interval since the previous set, from the vehicle bus (wheel speed, yaw rate
/// sensor). The tracker moves every track into the new ego frame with it; see the model in
/// <see cref="ObjectTracker"/>. Both are taken as constant over the interval and exact (their noise is not propagated:
/// wheel speed is good to about 1 %, far below camera depth noise).
/// </summary>
public readonly struct EgoMotion
{
    public EgoMotion(double speedMps, double yawRateRadps)
    {
        SpeedMps = speedMps;
        YawRateRadps = yawRateRadps;
    }

    /// <summary>No motion: tracks are predicted in a fixed frame (tests, a parked car).</summary>
    public static EgoMotion Stationary => default;

    /// <summary>Ego speed over ground along its own x axis, m/s (negative when reversing).</summary>
    public double SpeedMps { get; }

    /// <summary>Ego yaw rate, rad/s, positive counter-clockwise seen from above (turning left).</summary>
    public double YawRateRadps { get; }

    /// <summary>Both finite; the tracker treats a non-finite ego motion as stationary and counts it.</summary>
    public bool IsFinite => double.IsFinite(SpeedMps) && double.IsFinite(YawRateRadps);
}
