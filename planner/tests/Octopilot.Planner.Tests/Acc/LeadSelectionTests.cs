using Octopilot.Planner.Acc;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class LeadSelectionTests
{
    [Fact]
    public void Select_SeveralCars_NearestInEgoLaneAheadWins()
    {
        var inputs = Road.Inputs(20).With(
            Road.CarAhead(1, 60, 20),
            Road.CarAhead(2, 30, 20),
            Road.CarAhead(3, 10, 20, lane: 0),
            Road.CarBehind(4, 5, 20, lane: 1));
        Lead lead = LeadSelector.Select(inputs.World, Road.Options);
        Assert.Equal(2, lead.Id);
        Assert.Equal(30, lead.GapM, 9);
    }

    [Fact]
    public void Select_UnknownLaneIndex_UsesLateralPosition()
    {
        var inputs = Road.Inputs(20).With(Road.CarAhead(7, 25, 20, lane: 1, laneKnown: false), Road.CarAhead(8, 10, 20, lane: 2, laneKnown: false));
        Assert.Equal(7, LeadSelector.Select(inputs.World, Road.Options).Id);
    }

    [Fact]
    public void Select_CutInFromLeft_BecomesLeadWhenNearSideCrossesLaneEdge()
    {
        // Tracker still says lane 0; only the lateral position decides. Lane edge at +1.75 m, intrusion 0.2 m.
        TrackedObject Cutter(double yM) => Road.CarAhead(5, 15, 18, lane: 0) with { YM = yM };
        var outside = Road.Inputs(20).With(Cutter(2.0 + 0.9)); // near side at 2.0 m: still in lane 0
        var crossed = Road.Inputs(20).With(Cutter(1.4 + 0.9)); // near side at 1.4 m: 0.35 m over the line
        Assert.False(LeadSelector.Select(outside.World, Road.Options).Exists);
        Assert.Equal(5, LeadSelector.Select(crossed.World, Road.Options).Id);
    }
}
