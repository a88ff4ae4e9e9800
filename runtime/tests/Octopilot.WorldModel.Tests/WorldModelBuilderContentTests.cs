using Octopilot.Planner.Inputs;

namespace Octopilot.WorldModel.Tests;

/// <summary>What the default scene's world model says, against the scenario's truth (3 lanes of 3.6 m, ego in lane 1).</summary>
public class WorldModelBuilderContentTests
{
    [Fact]
    public void DefaultScene_EgoCentreLine_IsTheMeanOfTheEgoLaneBoundaries_WithTheFitConfidence()
    {
        var scene = new WorldModelScene();
        for (int frame = 0; frame < 8; frame++)
        {
            scene.Step(frame);
        }

        WorldModelSnapshot world = scene.Snapshot;
        Assert.True(scene.Builder.LanesFromFit);
        Assert.True(world.EgoCentreLine.IsPresent);
        Assert.Equal(scene.Builder.Lanes.Confidence, world.EgoCentreLine.ConfidenceUnit);
        Assert.Equal(-world.EgoLateralOffsetM, world.EgoCentreLine.C0M, 9);
        Assert.Equal(scene.Builder.Lanes.LaneCentreYAtM(world.EgoLaneIndex, 30), world.EgoCentreLine.YAtM(30), 9);
        Assert.InRange(world.EgoCentreLine.C0M, -0.1, 0.1);
        Assert.InRange(world.EgoCentreLine.YAtM(30), -0.3, 0.3); // the scenario road is straight
    }

    [Fact]
    public void DefaultScene_LanesAndTrackedVehiclesWithLanes_MatchTheScenario()
    {
        var scene = new WorldModelScene();
        for (int frame = 0; frame < 8; frame++)
        {
            scene.Step(frame);
        }

        WorldModelSnapshot world = scene.Snapshot;
        Assert.True(world.IsValid);
        Assert.Equal(3, world.LaneCount);
        Assert.Equal(1, world.EgoLaneIndex);
        Assert.InRange(world.LaneWidthM, 3.5, 3.7);
        Assert.InRange(world.EgoLateralOffsetM, -0.1, 0.1);
        Assert.Equal(7 * WorldModelScene.FramePeriodNs, world.TimestampNs);

        // Every scripted vehicle within 40 m is reported, at its true position, in its true lane (the cut-in starts at 3 s).
        long simTimeNs = 7 * WorldModelScene.FramePeriodNs;
        for (int v = 0; v < scene.Scene.World.VehicleCount; v++)
        {
            (double x, double y) = scene.Scene.VehicleInEgo(v, simTimeNs);
            if (Math.Abs(x) > 40)
            {
                continue;
            }

            int lane = scene.Scene.World.Vehicle(v).LaneIndex;
            bool found = false;
            for (int i = 0; i < world.Objects.Count; i++)
            {
                TrackedObject o = world.Objects[i];
                if (Math.Abs(o.XM - x) < 2.5 && Math.Abs(o.YM - y) < 0.6)
                {
                    Assert.Equal(lane, o.LaneIndex);
                    found = true;
                }
            }

            Assert.True(found, $"vehicle {scene.Scene.World.Vehicle(v).Id} at ({x:0.0}, {y:0.0}) m is not in the world model");
        }

        // Nearest first.
        for (int i = 1; i < world.Objects.Count; i++)
        {
            Assert.True(Math.Abs(world.Objects[i - 1].XM) <= Math.Abs(world.Objects[i].XM));
        }
    }

    [Fact]
    public void Update_SteadyState_AllocatesNothing()
    {
        var scene = new WorldModelScene();
        for (int frame = 0; frame < 6; frame++)
        {
            scene.Step(frame);
        }

        // Render outside the measured window; only the builder is measured.
        scene.Scene.Capture(6 * WorldModelScene.FramePeriodNs);
        long before = GC.GetAllocatedBytesForCurrentThread();
        scene.Builder.Update(scene.Scene.Set, new Fusion.Tracking.EgoMotion(27, 0.0108), ref scene.Snapshot);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
    }
}
