using Octopilot.Core.Threading;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;

namespace Octopilot.Vehicle.Simulation;

/// <summary>
/// A simulated car behind the same seam as the real one, for <c>sim</c> and HIL runs: <see cref="Send"/> integrates the
/// <see cref="LongitudinalPointMass"/> and the lateral <see cref="KinematicBicycle"/> (steering lag, rear-axle
/// kinematics; it reports <see cref="VehicleState.YawRateRadps"/>) from the previous call to now with the previous
/// command held (zero-order hold, as a CAN actuator frame is held until the next), then takes the new command: the
/// acceleration, and the curvature while <see cref="PlannerOutput.LateralAuthority"/> is not None (None: the EPS lets
/// go and the wheels return to straight through the same lag, a stand-in for self-aligning torque). Time moves only
/// through <see cref="Send"/> and <see cref="Advance"/>, so a virtual clock makes runs exact, and a simulation that
/// stops stepping turns <see cref="VehicleStateValidity.Silent"/> like a quiet bus.
/// Thread rules: <see cref="Send"/>, <see cref="Advance"/> and <see cref="SetDriver"/> come from one thread (the
/// simulation's); <see cref="TryReadState"/> from one consumer thread (may be the same). No allocation per call.
/// </summary>
public sealed class SimulatedVehicleInterface : IVehicleInterface
{
    private readonly SimulatedVehicleOptions _options;
    private readonly LongitudinalPointMass _car;
    private readonly LatestValueMailbox<VehicleStateSample> _published = new();
    private DriverInputs _driver;
    private double _commandMps2;
    private double _curvatureCommandPerM;
    private KinematicBicycle _lateral; // mutable struct, stepped in place: never copy it to step it
    private long _lastStepNs = long.MinValue;
    private volatile bool _running;
    private readonly StateReadTracker _reads = new();
    private long _stateUpdates;
    private long _commandsReceived;
    private long _commandsDelivered;
    private long _commandsFailed;

    public SimulatedVehicleInterface(SimulatedVehicleOptions options)
    {
        _options = options;
        _car = new LongitudinalPointMass(options.InitialSpeedMps, options.ActuatorLagS);
        _lateral = new KinematicBicycle(0, 0, 0, options.InitialSpeedMps, options.WheelbaseM, options.SteeringLagS);
        _driver = options.Driver;
    }

    public string Name => "simulated";

    /// <summary>The simulated car itself (position, speed, actual acceleration). Simulation thread only.</summary>
    public LongitudinalPointMass Car => _car;

    /// <summary>A copy of the lateral model now (pose in the start frame, road-wheel angle, curvature, yaw rate). Simulation thread only.</summary>
    public KinematicBicycle Lateral => _lateral;

    public void Start()
    {
        if (_running)
        {
            throw new InvalidOperationException("simulated vehicle already started: Start may be called once per Stop");
        }

        _running = true;
    }

    public void Stop() => _running = false;

    public void Dispose() => Stop();

    /// <summary>New driver inputs (engage, set speed, turn signal), visible from the next step on. Simulation thread only.</summary>
    public void SetDriver(in DriverInputs driver) => _driver = driver;

    /// <summary>
    /// Integrates up to <paramref name="nowNs"/> with the last command and publishes the state. The first call (or
    /// <see cref="Send"/>) sets the time origin. Ignored while stopped. Simulation thread only.
    /// </summary>
    public void Advance(long nowNs)
    {
        if (!_running)
        {
            return;
        }

        if (_lastStepNs != long.MinValue)
        {
            if (nowNs < _lastStepNs)
            {
                throw new ArgumentOutOfRangeException(nameof(nowNs), nowNs, $"simulated time must not go backwards: last step {_lastStepNs} ns");
            }

            long remainingNs = nowNs - _lastStepNs;
            while (remainingNs > 0)
            {
                long stepNs = Math.Min(remainingNs, SimulatedVehicleOptions.MaxSubStepNs);
                _lateral.SpeedMps = _car.SpeedMps; // the arc of this sub-step at the speed it starts with
                _lateral.Step(_curvatureCommandPerM, stepNs * 1e-9);
                _car.Step(_commandMps2, stepNs * 1e-9);
                remainingNs -= stepNs;
            }
        }

        _lateral.SpeedMps = _car.SpeedMps; // yaw rate = v·κ at the published speed
        _lastStepNs = nowNs;
        _published.Publish(new VehicleStateSample
        {
            State = new VehicleState { SpeedMps = _car.SpeedMps, AccelMps2 = _car.AccelMps2, YawRateRadps = _lateral.YawRateRadps, Driver = _driver },
            WheelSpeeds = new WheelSpeeds(_car.SpeedMps, _car.SpeedMps, _car.SpeedMps, _car.SpeedMps),
            DisplaySpeedMps = _car.SpeedMps,
            CruiseMainOn = _driver.Engaged,
            UpdatedNs = nowNs,
        });
        Interlocked.Increment(ref _stateUpdates);
    }

    public void Send(in PlannerOutput command, long nowNs)
    {
        Interlocked.Increment(ref _commandsReceived);
        if (!_running)
        {
            Interlocked.Increment(ref _commandsFailed);
            return;
        }

        Advance(nowNs);
        _commandMps2 = double.IsFinite(command.TargetAccelMps2) ? command.TargetAccelMps2 : 0;
        _curvatureCommandPerM = command.LateralAuthority != LateralAuthority.None && double.IsFinite(command.CurvaturePerM)
            ? command.CurvaturePerM
            : 0;
        Interlocked.Increment(ref _commandsDelivered);
    }

    public bool TryReadState(long nowNs, out VehicleStateSample sample)
    {
        if (_published.TryRead(out VehicleStateSample published, out int version))
        {
            long ageNs = Math.Max(0, nowNs - published.UpdatedNs);
            sample = new VehicleStateSample
            {
                State = published.State,
                WheelSpeeds = published.WheelSpeeds,
                DisplaySpeedMps = published.DisplaySpeedMps,
                CruiseMainOn = published.CruiseMainOn,
                UpdatedNs = published.UpdatedNs,
                AgeNs = ageNs,
                Validity = ageNs > _options.SilenceBoundNs ? VehicleStateValidity.Silent : VehicleStateValidity.Valid,
            };
        }
        else
        {
            sample = version < 0
                ? new VehicleStateSample { Validity = VehicleStateValidity.ReadContended, UpdatedNs = _reads.Last.UpdatedNs, State = _reads.Last.State }
                : new VehicleStateSample { Validity = VehicleStateValidity.NeverReceived, UpdatedNs = long.MinValue };
        }

        return _reads.Record(sample);
    }

    public VehicleInterfaceCounters ReadCounters() => new()
    {
        StateUpdates = Interlocked.Read(ref _stateUpdates),
        BecameInvalid = _reads.BecameInvalid,
        InvalidReads = _reads.InvalidReads,
        CommandsReceived = Interlocked.Read(ref _commandsReceived),
        CommandsDelivered = Interlocked.Read(ref _commandsDelivered),
        CommandsFailed = Interlocked.Read(ref _commandsFailed),
    };
}
