using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Perception;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Running;

/// <summary>
/// One closed-loop run. Per tick, in this order: driver events and traffic triggers due now → world model from the
/// source (ground truth or a perception stack, plus injected faults) → planner step → record → apply the command to the ego, move the traffic, advance
/// the virtual clock. A collision ends the run. Single-threaded; one instance per run.
/// </summary>
internal sealed partial class ClosedLoop
{
    /// <summary>Virtual time of tick 0, ns: non-zero so "older than the stale bound" never needs negative time.</summary>
    private const long StartNs = 1_000_000_000;

    /// <summary>How far a <see cref="WorldFaultKind.LaneJump"/> shifts the centre line, m: a fit on the next marking over would be a lane width; 1 m is past the controller's 0.5 m jump bound.</summary>
    private const double LaneJumpM = 1.0;

    private readonly Scenario _scenario;
    private readonly PlannerOptions _options;
    private readonly RoadFrame _road;
    private readonly SimulatedEgo _ego;
    private readonly TrafficVehicle[] _traffic;
    private readonly DriverModel _driver;
    private readonly VirtualClock _clock = new(StartNs);
    private readonly long _tickNs;
    private readonly IWorldModelSource _source;
    private readonly SimulationView _view;
    private readonly Random? _laneNoise;
    private PlannerState _state;
    private PlannerOutput _lastOutput;
    private WorldModelSnapshot _lastWorld;

    /// <summary>Ticks the current takeover request has lasted (0: none): the driver takes the wheel after a reaction time.</summary>
    private long _takeoverTicks;

    /// <summary>The driver answered a takeover request and holds the wheel from then on (as a steering override stands lateral control down in a car).</summary>
    private bool _driverHasWheel;

    public ClosedLoop(Scenario scenario, PlannerOptions options, IWorldModelSource source)
    {
        _source = source;
        _scenario = scenario;
        _options = options;
        _road = RoadFrame.ForCentreLine(scenario.Road.LaneCount, scenario.Road.LaneWidthM, scenario.Road.CurvaturePerM);
        EgoSpec ego = scenario.Ego;
        double egoYM = _road.LaneCentreYM(ego.Lane) + ego.LateralOffsetM;
        _ego = new SimulatedEgo(_road, ego.SpeedMps, egoYM, ego.ActuatorLagS, ego.SteeringLagS, ego.WheelbaseM);
        _traffic = scenario.Traffic.Select(v => PlaceTraffic(v, egoYM, options)).ToArray();
        _driver = new DriverModel(scenario.Driver, options.TickPeriodS);
        _tickNs = (long)Math.Round(options.TickPeriodS * 1e9);
        _view = new SimulationView(scenario, _road, _ego, _traffic);
        _laneNoise = scenario.World.LaneNoise is LaneNoise noise ? new Random(noise.Seed) : null;
    }

    public ScenarioTrace Run()
    {
        double tickS = _options.TickPeriodS;
        long ticks = (long)Math.Round(_scenario.DurationS / tickS);
        var samples = new List<TraceSample>((int)ticks);
        for (long tick = 0; tick < ticks; tick++)
        {
            DriverInputs driver = _driver.InputsAt(tick);
            FireTriggers(tick);

            var inputs = new PlannerInputs
            {
                NowNs = _clock.NowNs,
                World = BuildWorld(tick),
                Vehicle = new VehicleState { SpeedMps = _ego.SpeedMps, AccelMps2 = _ego.AccelMps2, YawRateRadps = _ego.YawRateRadps, Driver = driver },
            };
            PlannerOutput output = Planner.Step(inputs, ref _state, _options);
            _takeoverTicks = output.TakeoverReason == TakeoverReason.None ? 0 : _takeoverTicks + 1;
            _driverHasWheel |= _takeoverTicks * tickS > DriverSteering.ReactionS;
            // No authority and no request: lateral control is simply off (slow, disengaged) and the driver steers as
            // always. A hand-back comes with a request: the car follows the planner's ramp-out until the driver reacts.
            bool driverSteers = _driverHasWheel || (output.LateralAuthority == LateralAuthority.None && _takeoverTicks == 0);
            TraceSample sample = Sample(tick * tickS, output, driverSteers);
            samples.Add(sample);
            if (sample.ClosestGapM <= 0)
            {
                break; // a collision ends the run: nothing after it means anything (point masses would drive through)
            }

            double curvaturePerM = driverSteers ? DriverSteering.CurvaturePerM(_road, _ego) : output.CurvaturePerM;
            _ego.Step(output.Mode == LongitudinalMode.Off ? 0 : output.TargetAccelMps2, curvaturePerM, tickS);
            foreach (TrafficVehicle vehicle in _traffic)
            {
                vehicle.Step(tickS);
            }

            _driver.Observe(output.LaneChangeState);
            _lastOutput = output;
            _clock.Advance(_tickNs);
        }

        return new ScenarioTrace(tickS, samples);
    }

    private void FireTriggers(long tick)
    {
        foreach (TrafficVehicle vehicle in _traffic)
        {
            for (int i = 0; i < vehicle.Spec.Actions.Count; i++)
            {
                TrafficTrigger trigger = vehicle.Spec.Actions[i].Trigger;
                bool due = (trigger.AtS is double atS && Ticks.At(atS, _options.TickPeriodS) <= tick)
                    || (trigger.GapAheadOfEgoM is double gapM && BumperGapAheadM(vehicle) is var aheadM && aheadM >= 0 && aheadM <= gapM)
                    || (trigger.EgoLaneChangeState is LaneChangeState state && tick > 0 && _lastOutput.LaneChangeState == state);
                if (due && !vehicle.HasFired(i))
                {
                    vehicle.Fire(i);
                }
            }
        }
    }

    /// <summary>A scripted vehicle at its start: its placement is a path distance from the ego, turned into a station.</summary>
    private TrafficVehicle PlaceTraffic(TrafficVehicleSpec spec, double egoYM, PlannerOptions options)
    {
        double yM = _road.LaneCentreYM(spec.Lane);
        double stationM = spec.Start.ToCentreXM(spec.LengthM, options) / _road.PathScaleAt(0.5 * (yM + egoYM));
        return new TrafficVehicle(spec, stationM, yM, _road);
    }

    /// <summary>Gap from the ego front bumper to <paramref name="vehicle"/>'s rear along the road, m (negative: not ahead).</summary>
    private double BumperGapAheadM(TrafficVehicle vehicle) =>
        AheadOfEgoM(vehicle) - (0.5 * vehicle.Spec.LengthM) - _options.EgoFrontBumperXM;
}
