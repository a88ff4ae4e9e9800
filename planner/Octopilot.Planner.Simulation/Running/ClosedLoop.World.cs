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
    /// Ground truth in the planner's ego frame: x from the ego rear axle along the road, y left; velocities over
    /// ground. The road is straight and the ego's heading during a lane change (&lt; 3°) is ignored, so ego axes are
    /// road axes. Lane indices come from each footprint centre. Objects beyond the sensor range are left out; the
    /// nearest <see cref="TrackedObjectList.Capacity"/> are kept.
    /// </summary>
    private WorldModelSnapshot BuildWorld(long tick)
    {
        double timeS = tick * _options.TickPeriodS;
        if (FaultActive(WorldFaultKind.Stale, timeS) && tick > 0)
        {
            return _lastWorld; // the producer stalled: same content, same (ageing) timestamp
        }

        int egoLane = _road.LaneAt(_ego.YM);
        var world = new WorldModelSnapshot
        {
            TimestampNs = _clock.NowNs,
            IsValid = !FaultActive(WorldFaultKind.Invalid, timeS),
            LaneCount = _road.LaneCount,
            EgoLaneIndex = egoLane,
            EgoLateralOffsetM = _ego.YM - _road.LaneCentreYM(egoLane),
            LaneWidthM = _road.LaneWidthM,
            FrontCamerasHealthy = !FaultActive(WorldFaultKind.FrontCamerasUnhealthy, timeS),
            LeftCamerasHealthy = !FaultActive(WorldFaultKind.LeftCamerasUnhealthy, timeS),
            RightCamerasHealthy = !FaultActive(WorldFaultKind.RightCamerasUnhealthy, timeS),
        };

        bool corruptNearest = FaultActive(WorldFaultKind.NonFiniteObject, timeS);
        foreach (TrafficVehicle v in _traffic.Where(InRange).OrderBy(v => Math.Abs(v.SM - _ego.SM)))
        {
            var item = new TrackedObject
            {
                Id = v.Spec.Id,
                XM = corruptNearest ? double.NaN : v.SM - _ego.SM,
                YM = v.YM - _ego.YM,
                VxMps = v.SpeedMps,
                VyMps = v.LateralSpeedMps,
                AxMps2 = v.AccelMps2,
                LengthM = v.Spec.LengthM,
                WidthM = v.Spec.WidthM,
                LaneIndex = _road.LaneAt(v.YM),
            };
            corruptNearest = false;
            if (!world.Objects.TryAdd(item))
            {
                break;
            }
        }

        _lastWorld = world;
        return world;
    }

    private bool InRange(TrafficVehicle v) => Math.Abs(v.SM - _ego.SM) <= _scenario.World.SensorRangeM;

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
