using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Simulation.Vehicles;

namespace Octopilot.Planner.Simulation.Perception;

/// <summary>
/// The perfect world model: ground truth in the planner's ego frame (ISO 8855: x forward from the rear axle, y left,
/// turning with the ego's heading), fresh every tick. Objects: footprint centre and velocity over ground expressed in
/// that frame (on a curve a car ahead in the ego lane sits to the side and its velocity is turned), lane index from the
/// footprint centre's road offset. Ego lane centre line: a least-squares cubic through the true centre sampled from
/// <see cref="FitFromM"/> behind to <see cref="FitToM"/> ahead (what an ideal lane fitter reports), confidence 1.
/// Objects beyond the scenario's sensor range (path distance) are left out; the nearest
/// <see cref="TrackedObjectList.Capacity"/> are kept. Every camera healthy. Boundary markings as the synthetic road is
/// painted (and as a fitter with a solid-line head reports them): the road's two edge lines solid, the dividers dashed.
/// </summary>
public sealed class GroundTruthWorldModel : IWorldModelSource
{
    /// <summary>Centre-line fit window, m behind and ahead of the rear axle (the BEV grid's range).</summary>
    public const double FitFromM = -5, FitToM = 70;

    private const int FitPoints = 31;

    private int[] _order = [];

    public WorldModelSnapshot Observe(SimulationView view)
    {
        RoadFrame road = view.Road;
        int egoLane = road.LaneAt(view.EgoYM);
        double laneYM = road.LaneCentreYM(egoLane);
        var world = new WorldModelSnapshot
        {
            TimestampNs = view.NowNs,
            IsValid = true,
            LaneCount = road.LaneCount,
            EgoLaneIndex = egoLane,
            EgoLateralOffsetM = view.EgoYM - laneYM,
            LaneWidthM = road.LaneWidthM,
            EgoCentreLine = CentreLine(view, laneYM),
            FrontCamerasHealthy = true,
            LeftCamerasHealthy = true,
            RightCamerasHealthy = true,
            EgoLeftBoundaryMarking = egoLane == 0 ? LaneMarking.Solid : LaneMarking.Dashed,
            EgoRightBoundaryMarking = egoLane == road.LaneCount - 1 ? LaneMarking.Solid : LaneMarking.Dashed,
        };

        if (_order.Length != view.VehicleCount)
        {
            _order = new int[view.VehicleCount];
        }

        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        // Nearest first (stable: ties keep scenario order), so a full list drops the farthest.
        Array.Sort(_order, (a, b) =>
        {
            int byDistance = Math.Abs(view.Vehicle(a).SM - view.EgoSM).CompareTo(Math.Abs(view.Vehicle(b).SM - view.EgoSM));
            return byDistance != 0 ? byDistance : a.CompareTo(b);
        });

        (double egoX, double egoY, double egoHeading) = view.EgoMapPose;
        (double sin, double cos) = Math.SinCos(egoHeading);
        double rangeM = view.Scenario.World.SensorRangeM;
        foreach (int index in _order)
        {
            SimulatedVehicle v = view.Vehicle(index);
            if (Math.Abs((v.SM - view.EgoSM) * road.PathScaleAt(0.5 * (v.YM + view.EgoYM))) > rangeM)
            {
                continue;
            }

            (double x, double y, double roadHeading) = road.ToMap(v.SM, v.YM);
            (double tangentSin, double tangentCos) = Math.SinCos(roadHeading);
            double velocityX = (v.SpeedMps * tangentCos) - (v.LateralSpeedMps * tangentSin);
            double velocityY = (v.SpeedMps * tangentSin) + (v.LateralSpeedMps * tangentCos);
            double dx = x - egoX, dy = y - egoY;
            var item = new TrackedObject
            {
                Id = v.Id,
                XM = (cos * dx) + (sin * dy),
                YM = (-sin * dx) + (cos * dy),
                VxMps = (cos * velocityX) + (sin * velocityY),
                VyMps = (-sin * velocityX) + (cos * velocityY),
                AxMps2 = v.AccelMps2,
                LengthM = v.LengthM,
                WidthM = v.WidthM,
                LaneIndex = road.LaneAt(v.YM),
            };
            if (!world.Objects.TryAdd(item))
            {
                break;
            }
        }

        return world;
    }

    /// <summary>The true centre of the lane at offset <paramref name="laneYM"/>, sampled in the ego frame and fitted.</summary>
    private static LaneCentreLine CentreLine(SimulationView view, double laneYM)
    {
        RoadFrame road = view.Road;
        (double egoX, double egoY, double egoHeading) = view.EgoMapPose;
        (double sin, double cos) = Math.SinCos(egoHeading);
        double stationPerM = 1 / road.PathScaleAt(laneYM);
        Span<double> xs = stackalloc double[FitPoints];
        Span<double> ys = stackalloc double[FitPoints];
        for (int i = 0; i < FitPoints; i++)
        {
            double alongM = FitFromM + (i * (FitToM - FitFromM) / (FitPoints - 1));
            (double x, double y, _) = road.ToMap(view.EgoSM + (alongM * stationPerM), laneYM);
            double dx = x - egoX, dy = y - egoY;
            xs[i] = (cos * dx) + (sin * dy);
            ys[i] = (-sin * dx) + (cos * dy);
        }

        return LaneCentreLineFit.Cubic(xs, ys, 1);
    }
}
