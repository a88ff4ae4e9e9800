using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

public class LaneFitterAllocationTests
{
    [Theory]
    [InlineData(false, false)] // clean dashed road
    [InlineData(true, false)]  // with clutter and an unknown sector: the spawning, merging and dropping paths
    [InlineData(false, true)]  // with the solid-lines head: markings sampled from its layer
    [InlineData(true, true)]
    public void Fit_SteadyState_AllocatesNothing(bool degraded, bool withSolidLinesHead)
    {
        var painter = new LanePainter(withSolidLinesHead: withSolidLinesHead);
        painter.Road(laneCount: 3, egoLane: 1, egoOffsetM: 0.2, radiusM: 1000, dashed: true);
        if (degraded)
        {
            var random = new Random(7);
            for (int i = 0; i < 30; i++)
            {
                double x = -20 + (random.NextDouble() * 80), y = -12 + (random.NextDouble() * 24);
                painter.Blob(x, x + 0.8, y, y + 0.6);
            }

            painter.Unknown(5, 100, 0, 20);
        }

        var fitter = new LaneFitter(new BevGridOptions(), new LaneFitOptions());
        LaneEstimate estimate = fitter.CreateEstimate();
        for (int warmUp = 0; warmUp < 5; warmUp++)
        {
            fitter.Fit(painter.Layers, estimate);
        }

        Assert.True(estimate.IsValid);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            fitter.Fit(painter.Layers, estimate);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);
        Assert.Equal(3, estimate.LaneCount);
        Assert.Equal(
            withSolidLinesHead ? LaneMarkingSource.SolidLinesHead : LaneMarkingSource.Coverage,
            estimate.Boundary(estimate.EgoLaneIndex).MarkingSource);
    }
}
