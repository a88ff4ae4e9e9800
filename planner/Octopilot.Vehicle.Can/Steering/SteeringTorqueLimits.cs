namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// What a torque command may do, in the command's raw units (Toyota STEER_TORQUE_CMD), per frame: the car's safety
/// layer (comma.ai panda, <c>safety_toyota.h</c> <c>TOYOTA_STEERING_LIMITS</c>, type <c>TorqueMotorLimited</c>) blocks
/// any frame outside them, and the EPS faults on faster drops. Immutable; each value is checked when set. Defaults:
/// panda's Toyota limits (max 1500, up 15, down 25, error 350, real-time 450 per 250 ms) and openpilot's RAV4 EPS scale.
/// </summary>
public sealed record SteeringTorqueLimits
{
    /// <summary>1500: panda <c>max_steer</c>, openpilot <c>STEER_MAX</c>.</summary>
    public const int DefaultMaxTorqueRaw = 1500;

    /// <summary>15 per frame: panda <c>max_rate_up</c> (openpilot's torque-controlled Toyotas; 1 s to full torque).</summary>
    public const int DefaultRateUpRawPerFrame = 15;

    /// <summary>25 per frame: panda <c>max_rate_down</c>; openpilot: "always lower than 45 otherwise the Rav4 faults".</summary>
    public const int DefaultRateDownRawPerFrame = 25;

    /// <summary>350: panda <c>max_torque_error</c>, the most a command may exceed the motor's reported torque.</summary>
    public const int DefaultMaxMotorErrorRaw = 350;

    /// <summary>73 %: RAV4 <c>EPS_SCALE</c> in openpilot (panda's safety param), motor torque = STEER_TORQUE_EPS × 73 / 100.</summary>
    public const int DefaultEpsTorqueScalePercent = 73;

    /// <summary>450: panda <c>max_rt_delta</c>, the most |torque| may grow within one real-time window.</summary>
    public const int DefaultRealTimeMaxDeltaRaw = 450;

    /// <summary>250 ms: panda <c>max_rt_interval</c>, the real-time window.</summary>
    public const long DefaultRealTimeIntervalNs = 250_000_000;

    private readonly int _maxTorqueRaw = DefaultMaxTorqueRaw;
    private readonly int _rateUpRawPerFrame = DefaultRateUpRawPerFrame;
    private readonly int _rateDownRawPerFrame = DefaultRateDownRawPerFrame;
    private readonly int _maxMotorErrorRaw = DefaultMaxMotorErrorRaw;
    private readonly int _epsTorqueScalePercent = DefaultEpsTorqueScalePercent;
    private readonly int _realTimeMaxDeltaRaw = DefaultRealTimeMaxDeltaRaw;
    private readonly long _realTimeIntervalNs = DefaultRealTimeIntervalNs;

    /// <summary>Largest |torque| ever sent, raw, &gt; 0.</summary>
    public int MaxTorqueRaw
    {
        get => _maxTorqueRaw;
        init => _maxTorqueRaw = Positive(value, nameof(MaxTorqueRaw));
    }

    /// <summary>Largest growth of |torque| from one frame to the next, raw, &gt; 0.</summary>
    public int RateUpRawPerFrame
    {
        get => _rateUpRawPerFrame;
        init => _rateUpRawPerFrame = Positive(value, nameof(RateUpRawPerFrame));
    }

    /// <summary>Largest fall of |torque| from one frame to the next (and the fall forced when above the motor), raw, &gt; 0.</summary>
    public int RateDownRawPerFrame
    {
        get => _rateDownRawPerFrame;
        init => _rateDownRawPerFrame = Positive(value, nameof(RateDownRawPerFrame));
    }

    /// <summary>How far the command may lead the motor's scaled torque, raw, &gt; 0.</summary>
    public int MaxMotorErrorRaw
    {
        get => _maxMotorErrorRaw;
        init => _maxMotorErrorRaw = Positive(value, nameof(MaxMotorErrorRaw));
    }

    /// <summary>Motor torque in command units = reported EPS torque × this / 100; 1..1000 %.</summary>
    public int EpsTorqueScalePercent
    {
        get => _epsTorqueScalePercent;
        init => _epsTorqueScalePercent = value is >= 1 and <= 1000
            ? value
            : throw new ArgumentOutOfRangeException(nameof(EpsTorqueScalePercent), value, "EpsTorqueScalePercent must be 1..1000 %");
    }

    /// <summary>Largest growth of |torque| over one real-time window, raw, &gt; 0.</summary>
    public int RealTimeMaxDeltaRaw
    {
        get => _realTimeMaxDeltaRaw;
        init => _realTimeMaxDeltaRaw = Positive(value, nameof(RealTimeMaxDeltaRaw));
    }

    /// <summary>The real-time window, ns, &gt; 0.</summary>
    public long RealTimeIntervalNs
    {
        get => _realTimeIntervalNs;
        init => _realTimeIntervalNs = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RealTimeIntervalNs), value, "RealTimeIntervalNs must be > 0 ns");
    }

    private static int Positive(int value, string name) =>
        value > 0 ? value : throw new ArgumentOutOfRangeException(name, value, $"{name} must be > 0 (raw torque units)");
}
