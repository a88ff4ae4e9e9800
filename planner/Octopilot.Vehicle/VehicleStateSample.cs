using Octopilot.Planner.Inputs;

namespace Octopilot.Vehicle;

/// <summary>
/// One reading of the vehicle: the planner's <see cref="VehicleState"/>, the extra measurements a driver display or a
/// log wants, and whether it may be used at the time it was read. A plain value: copy, log, compare.
/// </summary>
public readonly struct VehicleStateSample
{
    /// <summary>What the planner consumes. Meaningful only when <see cref="IsValid"/>; see <see cref="ForPlanner"/>.</summary>
    public VehicleState State { get; init; }

    /// <summary>Per-wheel speeds over ground, m/s; zero when the vehicle does not report them.</summary>
    public WheelSpeeds WheelSpeeds { get; init; }

    /// <summary>Speed shown to the driver (speedometer), m/s. Toyotas read about 2 % above the wheel speeds on purpose.</summary>
    public double DisplaySpeedMps { get; init; }

    public bool BrakePressed { get; init; }

    public bool GasPressed { get; init; }

    /// <summary>
    /// The driver is turning the wheel against (or beyond) the assistance: |driver torque| above the car's threshold
    /// (Toyota: 100, openpilot's <c>STEER_THRESHOLD</c>). False when the vehicle does not report driver torque.
    /// The planner's inputs have no such field yet; a lateral command encoder and logs read it from here.
    /// </summary>
    public bool SteeringPressed { get; init; }

    /// <summary>The car's cruise main switch is on (engagement possible); <see cref="DriverInputs.Engaged"/> is the active state.</summary>
    public bool CruiseMainOn { get; init; }

    /// <summary>Monotonic time (ns) of the newest input folded into this state; <see cref="long.MinValue"/> before any.</summary>
    public long UpdatedNs { get; init; }

    /// <summary>
    /// Age of the oldest required input at the read, ns (0 when read "before" it, as a fast replay may). Validity
    /// compares this with the silence bound.
    /// </summary>
    public long AgeNs { get; init; }

    public VehicleStateValidity Validity { get; init; }

    public bool IsValid => Validity == VehicleStateValidity.Valid;

    /// <summary>
    /// The state to hand the planner. When invalid, the speed is NaN: the planner's input rule (every vehicle field
    /// finite) then takes its bad-input fallback (gentle deceleration and a takeover request, last good speed kept)
    /// instead of acting on a frozen speed. Driver inputs are kept, so an engaged driver still gets the fallback rather
    /// than a silent disengagement. This stands in until the planner takes a vehicle-validity input of its own.
    /// </summary>
    public VehicleState ForPlanner() => IsValid ? State : State with { SpeedMps = double.NaN };
}
