using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
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

        world.EgoCentreLine = LaneAsSeen(world.EgoCentreLine, timeS);

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

    /// <summary>The centre line with the scenario's noise and lane faults applied (noise first, so a fault wins).</summary>
    private LaneCentreLine LaneAsSeen(LaneCentreLine line, double timeS)
    {
        if (_laneNoise is not null && line.IsPresent)
        {
            LaneNoise noise = _scenario.World.LaneNoise!;
            line = new LaneCentreLine(line.C0M + (noise.C0M * Gaussian(_laneNoise)), line.C1 + (noise.C1 * Gaussian(_laneNoise)),
                line.C2PerM, line.C3PerM2, line.ConfidenceUnit);
        }

        if (FaultActive(WorldFaultKind.LanesLost, timeS))
        {
            return default;
        }

        if (FaultActive(WorldFaultKind.NonFiniteLane, timeS))
        {
            return new LaneCentreLine(double.NaN, line.C1, double.NaN, line.C3PerM2, line.ConfidenceUnit);
        }

        return FaultActive(WorldFaultKind.LaneJump, timeS)
            ? new LaneCentreLine(line.C0M + LaneJumpM, line.C1, line.C2PerM, line.C3PerM2, line.ConfidenceUnit)
            : line;
    }

    /// <summary>A standard normal draw (Box–Muller).</summary>
    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    private bool FaultActive(WorldFaultKind kind, double timeS) =>
        _scenario.World.Faults.Any(f => f.Kind == kind && timeS >= f.FromS && timeS < f.ToS);

    /// <summary>Ground-truth figures of this tick for the evaluator, next to what the planner answered.</summary>
    private TraceSample Sample(double timeS, in PlannerOutput output, bool driverSteers)
    {
        double egoFrontXM = _options.EgoFrontBumperXM;
        double egoRearXM = _options.EgoRearBumperXM;
        double egoMidXM = 0.5 * (egoFrontXM + egoRearXM);
        double? leadGapM = null, closestGapM = null, rearGapM = null, rearRequiredM = null;
        foreach (TrafficVehicle v in _traffic)
        {
            double centreXM = AheadOfEgoM(v);
            double rearXM = centreXM - (0.5 * v.Spec.LengthM);
            double frontXM = centreXM + (0.5 * v.Spec.LengthM);
            bool overlapsLaterally = Math.Abs(v.YM - _ego.YM) < 0.5 * (v.Spec.WidthM + _scenario.Ego.WidthM);
            if (overlapsLaterally)
            {
                // Longitudinal separation: negative when the bodies overlap.
                double separationM = Math.Max(rearXM - egoFrontXM, egoRearXM - frontXM);
                closestGapM = Math.Min(closestGapM ?? double.MaxValue, separationM);
                if (centreXM > egoMidXM)
                {
                    leadGapM = Math.Min(leadGapM ?? double.MaxValue, rearXM - egoFrontXM);
                }
            }

            // R79 rear gap in the target lane: every vehicle not wholly ahead of the ego front bumper counts.
            if (output.TargetLaneIndex >= 0 && _road.LaneAt(v.YM) == output.TargetLaneIndex && rearXM < egoFrontXM)
            {
                double gapM = egoRearXM - frontXM;
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
            closestGapM, output.TakeoverReason, output.LaneChangeState, output.LaneChangeTransition, rearGapM, rearRequiredM,
            _ego.YM, _ego.CurvaturePerM, _ego.LateralAccelMps2, output.CurvaturePerM, output.LateralAuthority, driverSteers, output.TargetLaneIndex,
            output.LateralReason);
    }

    /// <summary>Path distance from the ego rear axle to <paramref name="v"/>'s footprint centre, m, measured along the
    /// road at the two cars' mean offset (exact for cars in one lane; the bumper offsets are lengths along the path).</summary>
    private double AheadOfEgoM(TrafficVehicle v) => (v.SM - _ego.SM) * _road.PathScaleAt(0.5 * (v.YM + _ego.YM));
}
