using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Simulation.Perception;

/// <summary>
/// The perfect world model: ground truth in the planner's ego frame, fresh every tick. x from the ego rear axle along
/// the road, y left; velocities over ground. The road is straight and the ego's heading during a lane change (&lt; 3°)
/// is ignored, so ego axes are road axes. Lane indices come from each footprint centre; the ego lane's centre line is
/// y = −(ego offset) (c1 = c2 = c3 = 0), confidence 1. Objects beyond the scenario's sensor range are left out; the
/// nearest <see cref="TrackedObjectList.Capacity"/> are kept. Every camera healthy.
/// </summary>
public sealed class GroundTruthWorldModel : IWorldModelSource
{
    private int[] _order = [];

    public WorldModelSnapshot Observe(SimulationView view)
    {
        double laneWidthM = view.Scenario.Road.LaneWidthM;
        int laneCount = view.Scenario.Road.LaneCount;
        int egoLane = LaneAt(view.EgoYM, laneWidthM, laneCount);
        double egoOffsetM = view.EgoYM - view.LaneCentreYM(egoLane);
        var world = new WorldModelSnapshot
        {
            TimestampNs = view.NowNs,
            IsValid = true,
            LaneCount = laneCount,
            EgoLaneIndex = egoLane,
            EgoLateralOffsetM = egoOffsetM,
            LaneWidthM = laneWidthM,

            // Straight road along the ego x axis: the centre is a constant −offset to the side, known for sure.
            EgoCentreLine = new LaneCentreLine(-egoOffsetM, 0, 0, 0, 1),
            FrontCamerasHealthy = true,
            LeftCamerasHealthy = true,
            RightCamerasHealthy = true,
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

        double rangeM = view.Scenario.World.SensorRangeM;
        foreach (int index in _order)
        {
            SimulatedVehicle v = view.Vehicle(index);
            if (Math.Abs(v.SM - view.EgoSM) > rangeM)
            {
                continue;
            }

            var item = new TrackedObject
            {
                Id = v.Id,
                XM = v.SM - view.EgoSM,
                YM = v.YM - view.EgoYM,
                VxMps = v.SpeedMps,
                VyMps = v.LateralSpeedMps,
                AxMps2 = v.AccelMps2,
                LengthM = v.LengthM,
                WidthM = v.WidthM,
                LaneIndex = LaneAt(v.YM, laneWidthM, laneCount),
            };
            if (!world.Objects.TryAdd(item))
            {
                break;
            }
        }

        return world;
    }

    /// <summary>The lane containing lateral position <paramref name="yM"/> (clamped to the road), as the closed loop counts.</summary>
    private static int LaneAt(double yM, double laneWidthM, int laneCount) => Math.Clamp((int)Math.Round(-yM / laneWidthM), 0, laneCount - 1);
}
