using Octopilot.Cameras.Synthetic.Tests.Infrastructure;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>The world state is a pure function of time: lanes kept, lane changes smooth, the ego behind its seam.</summary>
public class HighwayWorldTests
{
    private static readonly RoadSpec CurvedRoad = Scenes.StraightRoad with { CurvaturePerM = 0.0004 };

    [Fact]
    public void VehiclePoseAt_LaneKeeping_AdvancesAtItsSpeedInItsLaneAlongTheRoad()
    {
        var world = new HighwayWorld(Scenes.Scenario(CurvedRoad, Scenes.Car(1, 0, 20, 30)));

        Pose2D pose = world.VehiclePoseAt(0, 10_000_000_000);
        RoadPoint at = world.Road.WorldToRoad(pose.XM, pose.YM, 300);

        Assert.Equal(20 + 300, at.StationM, 6);
        Assert.Equal(3.6, at.LateralM, 6);
        Assert.Equal(0.0004 * 320, pose.HeadingRad, 9);
    }

    [Fact]
    public void VehicleRoadPointAt_LaneChange_SmoothFromStartLaneToTargetLane()
    {
        var change = new LaneChangeSpec(2, 1, 4);
        var world = new HighwayWorld(Scenes.Scenario(CurvedRoad, Scenes.Car(1, 2, 10, 28, laneChange: change)));

        Assert.Equal(-3.6, world.VehicleRoadPointAt(0, 2_000_000_000).LateralM, 9);
        Assert.Equal(-1.8, world.VehicleRoadPointAt(0, 4_000_000_000).LateralM, 9);
        Assert.Equal(0, world.VehicleRoadPointAt(0, 6_000_000_000).LateralM, 9);
        Assert.Equal(0, world.VehicleRoadPointAt(0, 60_000_000_000).LateralM, 9);
        double before = world.VehicleRoadPointAt(0, 1_990_000_000).LateralM, after = world.VehicleRoadPointAt(0, 2_010_000_000).LateralM;
        Assert.True(Math.Abs(after - before) < 1e-5, "lateral speed must start at zero");
        double road = world.Road.HeadingAtRad(world.VehicleRoadPointAt(0, 4_000_000_000).StationM);
        Assert.True(world.VehiclePoseAt(0, 4_000_000_000).HeadingRad > road + 0.02, "mid-change the car must yaw towards its target (left)");
    }

    [Fact]
    public void EgoPoseAt_CustomEgoMotion_UsedInsteadOfLaneFollowing()
    {
        var fixedEgo = new FixedEgo(new Pose2D(5, 1, 0.1));
        var world = new HighwayWorld(Scenes.Scenario(CurvedRoad), fixedEgo);

        Assert.Equal(new Pose2D(5, 1, 0.1), world.EgoPoseAt(123_456_789));
    }

    [Fact]
    public void EgoPoseAt_DefaultMotion_CentredInEgoLaneAtConstantSpeed()
    {
        var world = new HighwayWorld(Scenes.Scenario(CurvedRoad));

        Pose2D pose = world.EgoPoseAt(3_000_000_000);
        RoadPoint at = world.EgoRoadPointAt(pose, 3_000_000_000);

        Assert.Equal(81, at.StationM, 6);
        Assert.Equal(0, at.LateralM, 6);
    }

    private sealed class FixedEgo(Pose2D pose) : IEgoMotion
    {
        public Pose2D PoseAt(long simTimeNs) => pose;
    }
}
