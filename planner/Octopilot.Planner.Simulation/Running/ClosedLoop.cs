using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
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
    private PlannerState _state;
    private PlannerOutput _lastOutput;
    private WorldModelSnapshot _lastWorld;

    /// <summary>Centre y of the lane the lateral target is measured from (the start lane while a procedure runs).</summary>
    private double _lateralReferenceYM;

    public ClosedLoop(Scenario scenario, PlannerOptions options, IWorldModelSource source)
    {
        _source = source;
        _scenario = scenario;
        _options = options;
        _road = new RoadFrame(scenario.Road.LaneCount, scenario.Road.LaneWidthM);
        _lateralReferenceYM = _road.LaneCentreYM(scenario.Ego.Lane);
        _ego = new SimulatedEgo(scenario.Ego.SpeedMps, _lateralReferenceYM, scenario.Ego.ActuatorLagS, scenario.Ego.LateralLagS);
        _traffic = scenario.Traffic
            .Select(v => new TrafficVehicle(v, v.Start.ToCentreXM(v.LengthM, options), _road.LaneCentreYM(v.Lane)))
            .ToArray();
        _driver = new DriverModel(scenario.Driver, options.TickPeriodS);
        _tickNs = (long)Math.Round(options.TickPeriodS * 1e9);
        _view = new SimulationView(scenario, _ego, _traffic);
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
                Vehicle = new VehicleState { SpeedMps = _ego.SpeedMps, AccelMps2 = _ego.AccelMps2, Driver = driver },
            };
            PlannerOutput output = Planner.Step(inputs, ref _state, _options);
            TraceSample sample = Sample(tick * tickS, output);
            samples.Add(sample);
            if (sample.ClosestGapM <= 0)
            {
                break; // a collision ends the run: nothing after it means anything (point masses would drive through)
            }

            _ego.Step(output.Mode == LongitudinalMode.Off ? 0 : output.TargetAccelMps2, LateralTarget(output), tickS);
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
        double egoFrontSM = _ego.SM + _options.EgoFrontBumperXM;
        foreach (TrafficVehicle vehicle in _traffic)
        {
            for (int i = 0; i < vehicle.Spec.Actions.Count; i++)
            {
                TrafficTrigger trigger = vehicle.Spec.Actions[i].Trigger;
                bool due = (trigger.AtS is double atS && Ticks.At(atS, _options.TickPeriodS) <= tick)
                    || (trigger.GapAheadOfEgoM is double gapM && vehicle.RearSM - egoFrontSM is var aheadM && aheadM >= 0 && aheadM <= gapM)
                    || (trigger.EgoLaneChangeState is LaneChangeState state && tick > 0 && _lastOutput.LaneChangeState == state);
                if (due && !vehicle.HasFired(i))
                {
                    vehicle.Fire(i, _road);
                }
            }
        }
    }

    /// <summary>
    /// The planner's lateral target is an offset from the centre of the lane the procedure started in: latch that
    /// centre when a procedure starts; with no procedure, keep the centre of the lane the ego is in.
    /// </summary>
    private double LateralTarget(in PlannerOutput output)
    {
        bool starting = output.LaneChangeState != LaneChangeState.Idle && _lastOutput.LaneChangeState == LaneChangeState.Idle;
        if (output.LaneChangeState == LaneChangeState.Idle || starting)
        {
            _lateralReferenceYM = _road.LaneCentreYM(_road.LaneAt(_ego.YM));
        }

        return _lateralReferenceYM + output.LateralTargetOffsetM;
    }
}
