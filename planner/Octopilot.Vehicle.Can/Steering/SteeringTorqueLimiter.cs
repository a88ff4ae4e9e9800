namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// Applies <see cref="SteeringTorqueLimits"/> to one frame's desired torque, in the order openpilot's
/// <c>apply_meas_steer_torque_limits</c> does (then panda's real-time rule): clamp to the maximum; stay within
/// <c>MaxMotorErrorRaw</c> of the motor's scaled torque; let |torque| grow by at most the up-rate and fall by at most the
/// down-rate per frame (when the command is above what the motor allows, that forces a fall of exactly the down-rate,
/// which is what panda demands); let |torque| grow by at most <c>RealTimeMaxDeltaRaw</c> per real-time window.
/// The motor bound uses floor/ceil of the newest reported torque, so it is never looser than panda's own (truncated,
/// ±1, max over its last samples). Not thread-safe; allocation-free.
/// </summary>
public sealed class SteeringTorqueLimiter(SteeringTorqueLimits limits)
{
    private int _realTimeTorqueRaw;
    private long _realTimeStartNs = long.MinValue;

    public SteeringTorqueLimits Limits => limits;

    /// <summary>The torque of the last frame, raw (0 after <see cref="Reset"/>).</summary>
    public int LastTorqueRaw { get; private set; }

    /// <summary>
    /// The torque to send at <paramref name="nowNs"/> for <paramref name="desiredRaw"/> (non-finite: 0), given the motor's
    /// reported torque in its own DBC units (<paramref name="epsMotorTorque"/>; non-finite counts as 0).
    /// </summary>
    public int Apply(double desiredRaw, double epsMotorTorque, long nowNs)
    {
        if (_realTimeStartNs == long.MinValue)
        {
            _realTimeStartNs = nowNs;
        }

        int max = limits.MaxTorqueRaw;
        int desired = double.IsFinite(desiredRaw) ? (int)Math.Round(Math.Clamp(desiredRaw, -max, max)) : 0;

        // Within MaxMotorError of the motor (never below ±MaxMotorError: the motor may lag the very first frames).
        double motorRaw = double.IsFinite(epsMotorTorque) ? epsMotorTorque * limits.EpsTorqueScalePercent / 100.0 : 0;
        int error = limits.MaxMotorErrorRaw;
        int highest = Math.Min(Math.Max((int)Math.Floor(motorRaw) + error, error), max);
        int lowest = Math.Max(Math.Min((int)Math.Ceiling(motorRaw) - error, -error), -max);
        int torque = Math.Clamp(desired, lowest, highest);

        // Per-frame rate: |torque| up by ≤ RateUp, down by ≤ RateDown (crossing zero counts as growing on the far side).
        int last = LastTorqueRaw;
        int up = limits.RateUpRawPerFrame;
        int down = limits.RateDownRawPerFrame;
        torque = last > 0
            ? Math.Clamp(torque, Math.Max(last - down, -up), last + up)
            : Math.Clamp(torque, last - up, Math.Min(last + down, up));

        // Real-time window: |torque| grows by ≤ RealTimeMaxDelta from the window's start value. The up-rate alone keeps
        // inside it (26 frames × 15 = 390 < 450); this holds it even if frames came faster than the period.
        int anchor = _realTimeTorqueRaw;
        int delta = limits.RealTimeMaxDeltaRaw;
        torque = Math.Clamp(torque, Math.Min(anchor, 0) - delta, Math.Max(anchor, 0) + delta);
        if (nowNs - _realTimeStartNs > limits.RealTimeIntervalNs)
        {
            _realTimeTorqueRaw = torque;
            _realTimeStartNs = nowNs;
        }

        LastTorqueRaw = torque;
        return torque;
    }

    /// <summary>Back to 0 with a fresh real-time window (as panda resets when controls are not allowed).</summary>
    public void Reset(long nowNs)
    {
        LastTorqueRaw = 0;
        _realTimeTorqueRaw = 0;
        _realTimeStartNs = nowNs;
    }
}
