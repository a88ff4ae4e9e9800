using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.Vehicle.Simulation;

/// <summary>The simulated car's start state and model parameters. Immutable; each value is checked when set.</summary>
public sealed record SimulatedVehicleOptions
{
    /// <summary>0.3 s: the closed-loop suite's default actuator lag (typical ACC powertrain/brake response 0.2–0.5 s).</summary>
    public const double DefaultActuatorLagS = 0.3;

    /// <summary>100 ms: the same silence bound the CAN interface uses, so a stalled simulation looks like a silent bus.</summary>
    public static readonly long DefaultSilenceBoundNs = 100 * TimeUnits.NsPerMs;

    /// <summary>Longest Euler sub-step, ns (10 ms = one planner tick): a late call is integrated in pieces, not one coarse step.</summary>
    public static readonly long MaxSubStepNs = 10 * TimeUnits.NsPerMs;

    private readonly double _initialSpeedMps;
    private readonly double _actuatorLagS = DefaultActuatorLagS;
    private readonly long _silenceBoundNs = DefaultSilenceBoundNs;
    private readonly double _wheelbaseM = KinematicBicycle.DefaultWheelbaseM;
    private readonly double _steeringLagS = KinematicBicycle.DefaultSteeringLagS;

    /// <summary>Speed at the first step, m/s, ≥ 0.</summary>
    public double InitialSpeedMps
    {
        get => _initialSpeedMps;
        init => _initialSpeedMps = value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(InitialSpeedMps), value, "initial speed must be finite and ≥ 0 m/s");
    }

    /// <summary>First-order lag from commanded to actual acceleration, s, ≥ <see cref="LongitudinalPointMass.MinActuatorLagS"/>.</summary>
    public double ActuatorLagS
    {
        get => _actuatorLagS;
        init => _actuatorLagS = value >= LongitudinalPointMass.MinActuatorLagS && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(ActuatorLagS), value, $"actuator lag must be finite and ≥ {LongitudinalPointMass.MinActuatorLagS} s");
    }

    /// <summary>
    /// Wheelbase of the lateral model (<see cref="KinematicBicycle"/>), m, finite and &gt; 0. Default
    /// <see cref="KinematicBicycle.DefaultWheelbaseM"/> (2.8 m, the planner tests' mid-size car).
    /// </summary>
    public double WheelbaseM
    {
        get => _wheelbaseM;
        init => _wheelbaseM = value > 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WheelbaseM), value, "the wheelbase must be finite and > 0 m");
    }

    /// <summary>
    /// First-order lag from commanded to actual road-wheel angle, s, finite and ≥ 0 (0: no lag; integrated exactly, so
    /// any value is stable). Default <see cref="KinematicBicycle.DefaultSteeringLagS"/> (0.2 s, EPS and column).
    /// </summary>
    public double SteeringLagS
    {
        get => _steeringLagS;
        init => _steeringLagS = value >= 0 && double.IsFinite(value)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SteeringLagS), value, "the steering lag must be finite and ≥ 0 s");
    }

    /// <summary>A state older than this at the read is invalid (<see cref="VehicleStateValidity.Silent"/>), ns, &gt; 0.</summary>
    public long SilenceBoundNs
    {
        get => _silenceBoundNs;
        init => _silenceBoundNs = value > 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(SilenceBoundNs), value, "silence bound must be > 0 ns");
    }

    /// <summary>The driver's inputs at the start (engaged, set speed, ...); change them with <see cref="SimulatedVehicleInterface.SetDriver"/>.</summary>
    public DriverInputs Driver { get; init; }
}
