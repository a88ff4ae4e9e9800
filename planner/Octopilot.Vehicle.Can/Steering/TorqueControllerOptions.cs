namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// The curvature → steering-torque controller's parameters, after openpilot's <c>LatControlTorque</c>: torque
/// (as a fraction of the car's maximum) = (a_des + Kp·e) / F + I + friction(e), with a_des = v²κ, e = a_des − a_meas and
/// İ = (Ki / F)·e. Immutable; each value is checked when set. Defaults: openpilot's RAV4 2017 (TSS-P) torque tune,
/// <c>selfdrive/car/toyota/interface.py</c> (0.8.14 era: <c>MAX_LAT_ACCEL = 1.8</c>, <c>FRICTION = 0.06</c>) through
/// <c>latcontrol_torque.set_torque_tune</c> (kp = kf = 1/F, ki = 0.1/F) and its <c>FRICTION_THRESHOLD = 0.2</c>.
/// </summary>
public sealed record TorqueControllerOptions
{
    /// <summary>1.8 m/s²: openpilot's RAV4 2017 <c>MAX_LAT_ACCEL</c> (lateral acceleration one full torque makes).</summary>
    public const double DefaultLatAccelFactorMps2 = 1.8;

    /// <summary>1.0: openpilot's kp × F (kp = 1/F).</summary>
    public const double DefaultProportionalGain = 1.0;

    /// <summary>0.1 1/s: openpilot's ki × F (ki = 0.1/F, integrated at 100 Hz).</summary>
    public const double DefaultIntegralGainPerS = 0.1;

    /// <summary>0.06 of full torque: openpilot's RAV4 2017 <c>FRICTION</c>.</summary>
    public const double DefaultFrictionTorqueFraction = 0.06;

    /// <summary>0.2 m/s²: openpilot's <c>FRICTION_THRESHOLD</c> (error at which the friction term is fully applied).</summary>
    public const double DefaultFrictionThresholdMps2 = 0.2;

    /// <summary>5 m/s: below this openpilot freezes the integrator (<c>CS.vEgo &lt; 5</c>).</summary>
    public const double DefaultIntegratorFreezeBelowSpeedMps = 5.0;

    private readonly double _latAccelFactorMps2 = DefaultLatAccelFactorMps2;
    private readonly double _proportionalGain = DefaultProportionalGain;
    private readonly double _integralGainPerS = DefaultIntegralGainPerS;
    private readonly double _frictionTorqueFraction = DefaultFrictionTorqueFraction;
    private readonly double _frictionThresholdMps2 = DefaultFrictionThresholdMps2;
    private readonly double _integratorFreezeBelowSpeedMps = DefaultIntegratorFreezeBelowSpeedMps;

    /// <summary>F: lateral acceleration one full torque (the limits' maximum) makes, m/s², finite and &gt; 0.</summary>
    public double LatAccelFactorMps2
    {
        get => _latAccelFactorMps2;
        init => _latAccelFactorMps2 = Check(value, 0, exclusive: true, nameof(LatAccelFactorMps2), "m/s²");
    }

    /// <summary>Kp: proportional gain on the lateral-acceleration error (relative to F), finite and ≥ 0.</summary>
    public double ProportionalGain
    {
        get => _proportionalGain;
        init => _proportionalGain = Check(value, 0, exclusive: false, nameof(ProportionalGain), "(unitless)");
    }

    /// <summary>Ki: integral gain, 1/s, finite and ≥ 0 (0 turns the integrator off).</summary>
    public double IntegralGainPerS
    {
        get => _integralGainPerS;
        init => _integralGainPerS = Check(value, 0, exclusive: false, nameof(IntegralGainPerS), "1/s");
    }

    /// <summary>Torque added against steering friction at full error, fraction of full torque, 0..1.</summary>
    public double FrictionTorqueFraction
    {
        get => _frictionTorqueFraction;
        init => _frictionTorqueFraction = value is >= 0 and <= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FrictionTorqueFraction), value, "the friction torque must be a fraction of full torque in 0..1");
    }

    /// <summary>Error at which the friction term saturates, m/s², finite and &gt; 0 (linear in between).</summary>
    public double FrictionThresholdMps2
    {
        get => _frictionThresholdMps2;
        init => _frictionThresholdMps2 = Check(value, 0, exclusive: true, nameof(FrictionThresholdMps2), "m/s²");
    }

    /// <summary>Below this speed the integrator holds (the lateral-acceleration error means little at a crawl), m/s, finite and ≥ 0.</summary>
    public double IntegratorFreezeBelowSpeedMps
    {
        get => _integratorFreezeBelowSpeedMps;
        init => _integratorFreezeBelowSpeedMps = Check(value, 0, exclusive: false, nameof(IntegratorFreezeBelowSpeedMps), "m/s");
    }

    private static double Check(double value, double lowest, bool exclusive, string name, string unit) =>
        double.IsFinite(value) && (exclusive ? value > lowest : value >= lowest)
            ? value
            : throw new ArgumentOutOfRangeException(name, value, $"{name} must be finite and {(exclusive ? ">" : "≥")} {lowest} {unit}");
}
