using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.Perception;

/// <summary>Greedy per-class NMS of decoded detections: what it drops, what it keeps, order, threshold consistency, no allocation.</summary>
public sealed class DetectionOverlapSuppressionTests
{
    private static Detection Box(float score, float u, float v, float w = 40, float h = 30, int classIndex = 0) => new(score, classIndex, u, v, w, h, 10);

    [Fact]
    public void Apply_TwoPeaksOnOneCar_KeepsTheStrongerOnly()
    {
        Detection[] d = [Box(0.8f, 100, 100), Box(0.6f, 104, 102), Box(0.7f, 300, 100)];

        int kept = DetectionOverlapSuppression.Apply(d, 0.5f);

        Assert.Equal(2, kept);
        Assert.Equal([0.8f, 0.7f], d[..kept].Select(x => x.Score));
    }

    [Fact]
    public void Apply_OverlapAtOrBelowThreshold_KeepsBoth()
    {
        // Two 40 x 30 boxes 20 px apart: intersection 20 x 30 = 600, union 1800, IoU 1/3.
        Detection[] d = [Box(0.9f, 100, 100), Box(0.5f, 120, 100)];

        Assert.Equal(2, DetectionOverlapSuppression.Apply(d, 0.4f));
        Assert.Equal(1, DetectionOverlapSuppression.Apply([Box(0.9f, 100, 100), Box(0.5f, 120, 100)], 0.3f));
    }

    [Fact]
    public void Apply_SameBoxOtherClass_KeepsBoth()
    {
        Detection[] d = [Box(0.9f, 100, 100), Box(0.8f, 100, 100, classIndex: 1)];

        Assert.Equal(2, DetectionOverlapSuppression.Apply(d, 0.5f));
    }

    [Fact]
    public void Apply_Off_KeepsEveryDetectionSortedBestFirst()
    {
        Detection[] d = [Box(0.4f, 100, 100), Box(0.9f, 100, 100), Box(0.6f, 100, 100)];

        Assert.Equal(3, DetectionOverlapSuppression.Apply(d, DetectionOverlapSuppression.Off));
        Assert.Equal([0.9f, 0.6f, 0.4f], d.Select(x => x.Score));
    }

    [Fact]
    public void Apply_UnsortedInput_TheBestOfTheClusterSurvives()
    {
        Detection[] d = [Box(0.3f, 102, 100), Box(0.5f, 300, 50), Box(0.9f, 100, 100)];

        int kept = DetectionOverlapSuppression.Apply(d, 0.5f);

        Assert.Equal(2, kept);
        Assert.Equal((0.9f, 100f), (d[0].Score, d[0].CenterUPx));
        Assert.Equal(0.5f, d[1].Score);
    }

    [Fact]
    public void Apply_ChainOfOverlaps_OnlyKeptBoxesSuppress()
    {
        // b overlaps a (dropped); c overlaps b but not a: greedy NMS keeps c, because a dropped box suppresses nothing.
        Detection a = Box(0.9f, 100, 100), b = Box(0.8f, 112, 100), c = Box(0.7f, 124, 100);
        Assert.True(DetectionOverlapSuppression.IntersectionOverUnion(a, b) > 0.5f);
        Assert.True(DetectionOverlapSuppression.IntersectionOverUnion(b, c) > 0.5f);
        Assert.True(DetectionOverlapSuppression.IntersectionOverUnion(a, c) <= 0.5f);
        Detection[] d = [a, b, c];

        int kept = DetectionOverlapSuppression.Apply(d, 0.5f);

        Assert.Equal([0.9f, 0.7f], d[..kept].Select(x => x.Score));
    }

    [Fact]
    public void Apply_ThenThreshold_EqualsThresholdThenApply()
    {
        // The evaluation decodes once at its lowest sweep threshold and raises it afterwards: that must equal decoding at
        // each threshold. Random clusters of boxes, every threshold of a sweep.
        var random = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            Detection[] all = Enumerable.Range(0, 24)
                .Select(_ => Box((float)random.NextDouble(), random.Next(80, 140), random.Next(80, 120), random.Next(10, 60), random.Next(10, 50)))
                .ToArray();
            Detection[] lowFirst = (Detection[])all.Clone();
            int kept = DetectionOverlapSuppression.Apply(lowFirst, 0.5f);
            foreach (float threshold in new[] { 0.2f, 0.45f, 0.7f })
            {
                Detection[] high = all.Where(x => x.Score >= threshold).ToArray();
                int keptHigh = DetectionOverlapSuppression.Apply(high, 0.5f);
                Assert.Equal(high[..keptHigh], lowFirst[..kept].Where(x => x.Score >= threshold));
            }
        }
    }

    [Fact]
    public void Apply_SteadyState_AllocatesNothing()
    {
        Detection[] d = Enumerable.Range(0, 32).Select(i => Box(1f - (i / 64f), 100 + (3 * i), 100)).ToArray();
        DetectionOverlapSuppression.Apply(d, 0.5f);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            DetectionOverlapSuppression.Apply(d, 0.5f);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
