using Octopilot.Cameras.Synthetic;
using Octopilot.Fusion.Lanes;
using Octopilot.Planner.Inputs;
using Octopilot.Testing;

namespace Octopilot.WorldModel.Tests;

/// <summary>The ego lane's boundary markings reach the planner's snapshot: from the solid_lines head only.</summary>
public class WorldModelBuilderMarkingTests
{
    [Fact]
    public void DefaultScene_EgoInTheMiddleLane_BothBoundariesDashed()
    {
        var scene = new WorldModelScene();
        for (int frame = 0; frame < 4; frame++)
        {
            scene.Step(frame);
        }

        Assert.Equal(1, scene.Snapshot.EgoLaneIndex);
        Assert.Equal(LaneMarking.Dashed, scene.Snapshot.EgoLeftBoundaryMarking);
        Assert.Equal(LaneMarking.Dashed, scene.Snapshot.EgoRightBoundaryMarking);
    }

    [Theory]
    [InlineData(0, LaneMarking.Solid, LaneMarking.Dashed)] // leftmost lane: the left edge line is solid
    [InlineData(2, LaneMarking.Dashed, LaneMarking.Solid)] // rightmost lane: the right edge line is solid
    public void Scene_EgoInAnOuterLane_TheEdgeSideIsSolid(int egoLane, LaneMarking left, LaneMarking right)
    {
        HighwayScenario scenario = ScenarioFile.Load(RepositoryPaths.DefaultScenario);
        scenario = scenario with { Ego = scenario.Ego with { LaneIndex = egoLane } };
        var scene = new WorldModelScene(new HighwayWorld(scenario));
        for (int frame = 0; frame < 4; frame++)
        {
            scene.Step(frame);
        }

        Assert.Equal(egoLane, scene.Snapshot.EgoLaneIndex);
        Assert.Equal((left, right), (scene.Snapshot.EgoLeftBoundaryMarking, scene.Snapshot.EgoRightBoundaryMarking));
    }

    [Theory]
    [InlineData(LaneMarkingSource.SolidLinesHead, false, LaneMarking.Solid)]
    [InlineData(LaneMarkingSource.SolidLinesHead, true, LaneMarking.Dashed)]
    [InlineData(LaneMarkingSource.Coverage, false, LaneMarking.Unknown)] // a model without the head: planner as before
    [InlineData(LaneMarkingSource.Coverage, true, LaneMarking.Unknown)]
    public void ToPlanner_MarkingOnlyFromTheHead(LaneMarkingSource source, bool isDashed, LaneMarking expected)
    {
        var boundary = new LaneBoundary(1.8, 0, 0, 0, -10, 40, 40, 0.05, isDashed, markingSource: source, meanSolidProbability: isDashed ? 0 : 1);

        Assert.Equal(expected, BoundaryMarkings.ToPlanner(boundary));
    }

    [Fact]
    public void ToPlanner_InferredBoundary_Unknown()
    {
        var inferred = new LaneBoundary(1.8, 0, 0, 0, -10, 40, 0, 0.05, isDashed: false, isInferred: true, markingSource: LaneMarkingSource.SolidLinesHead);

        Assert.Equal(LaneMarking.Unknown, BoundaryMarkings.ToPlanner(inferred));
    }
}
