using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Running;

internal sealed partial class ClosedLoop
{
    /// <summary>
    /// The world model of this tick: what the source (ground truth, or a perception stack) reports, with the scenario's
    /// injected faults applied on top, so every source is tested against the same faults.
    /// </summary>
    private WorldModelSnapshot BuildWorld(long tick)
    {
        double timeS = tick * _options.TickPeriodS;
        if (FaultActive(WorldFaultKind.Stale, timeS) && tick > 0)
        {
            return _lastWorld; // the producer stalled: same content, same (ageing) timestamp
        }

        _view.NowNs = _clock.NowNs;
        _view.TimeS = timeS;
        _view.Tick = tick;
        WorldModelSnapshot world = _source.Observe(_view);
        world.IsValid &= !FaultActive(WorldFaultKind.Invalid, timeS);
        world.FrontCamerasHealthy &= !FaultActive(WorldFaultKind.FrontCamerasUnhealthy, timeS);
        world.LeftCamerasHealthy &= !FaultActive(WorldFaultKind.LeftCamerasUnhealthy, timeS);
        world.RightCamerasHealthy &= !FaultActive(WorldFaultKind.RightCamerasUnhealthy, timeS);
        if (FaultActive(WorldFaultKind.NonFiniteObject, timeS) && world.Objects.Count > 0)
        {
            CorruptFirst(ref world.Objects);
        }

        _lastWorld = world;
        return world;
    }

    /// <summary>Replaces the first (nearest) object's x by NaN: a tracker handing on a corrupt estimate.</summary>
    private static void CorruptFirst(ref TrackedObjectList objects)
    {
        TrackedObjectList copy = objects;
        objects.Clear();
        for (int i = 0; i < copy.Count; i++)
        {
            objects.TryAdd(i == 0 ? copy[i] with { XM = double.NaN } : copy[i]);
        }
    }

    private bool FaultActive(WorldFaultKind kind, double timeS) =>
        _scenario.World.Faults.Any(f => f.Kind == kind && timeS >= f.FromS && timeS < f.ToS);

    /// <summary>Ground-truth figures of this tick for the evaluator, next to what the planner answered.</summary>
    private TraceSample Sample(double timeS, in PlannerOutput output)
    {
        double egoFrontSM = _ego.SM + _options.EgoFrontBumperXM;
        double egoRearSM = _ego.SM + _options.EgoRearBumperXM;
        double egoMidSM = 0.5 * (egoFrontSM + egoRearSM);
        double? leadGapM = null, closestGapM = null, rearGapM = null, rearRequiredM = null;
        foreach (TrafficVehicle v in _traffic)
        {
            bool overlapsLaterally = Math.Abs(v.YM - _ego.YM) < 0.5 * (v.Spec.WidthM + _scenario.Ego.WidthM);
            if (overlapsLaterally)
            {
                // Longitudinal separation: negative when the bodies overlap.
                double separationM = Math.Max(v.RearSM - egoFrontSM, egoRearSM - v.FrontSM);
                closestGapM = Math.Min(closestGapM ?? double.MaxValue, separationM);
                if (v.SM > egoMidSM)
                {
                    leadGapM = Math.Min(leadGapM ?? double.MaxValue, v.RearSM - egoFrontSM);
                }
            }

            // R79 rear gap in the target lane: every vehicle not wholly ahead of the ego front bumper counts.
            if (output.TargetLaneIndex >= 0 && _road.LaneAt(v.YM) == output.TargetLaneIndex && v.RearSM < egoFrontSM)
            {
                double gapM = egoRearSM - v.FrontSM;
                double requiredM = RearSafety.RequiredGapM(v.SpeedMps, _ego.SpeedMps);
                if (rearGapM is null || gapM - requiredM < rearGapM - rearRequiredM)
                {
                    rearGapM = gapM;
                    rearRequiredM = requiredM;
                }
            }
        }

        double desiredGapM = _options.StandstillDistanceM + (_ego.SpeedMps * _options.TimeGapS(_driver.TimeGap));
        return new TraceSample(timeS, _ego.SpeedMps, _ego.AccelMps2, output.TargetAccelMps2, _road.LaneAt(_ego.YM), leadGapM, desiredGapM,
            closestGapM, output.TakeoverReason, output.LaneChangeState, output.LaneChangeTransition, rearGapM, rearRequiredM);
    }
}
