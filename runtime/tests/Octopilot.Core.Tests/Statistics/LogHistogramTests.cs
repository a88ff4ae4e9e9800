using Octopilot.Core.Statistics;

namespace Octopilot.Core.Tests.Statistics;

public sealed class LogHistogramTests
{
    [Fact]
    public void PercentileNs_UniformValues_WithinBucketResolution()
    {
        var histogram = new LogHistogram();
        for (long v = 1; v <= 100_000; v++)
        {
            histogram.Record(v * 1000);
        }

        AssertWithin(histogram.PercentileNs(50), 50_000_000, 0.07);
        AssertWithin(histogram.PercentileNs(99), 99_000_000, 0.07);
        Assert.Equal(100_000_000, histogram.PercentileNs(100));
        Assert.Equal(100_000, histogram.Count);
    }

    [Fact]
    public void PercentileNs_SmallValues_AreExact()
    {
        var histogram = new LogHistogram();
        foreach (long v in new long[] { 0, 1, 2, 3, 15 })
        {
            histogram.Record(v);
        }

        Assert.Equal(0, histogram.PercentileNs(20));
        Assert.Equal(2, histogram.PercentileNs(60));
        Assert.Equal(15, histogram.PercentileNs(100));
    }

    [Fact]
    public void PercentileNs_Empty_IsZero() => Assert.Equal(0, new LogHistogram().PercentileNs(99));

    [Fact]
    public void BucketOf_EveryValue_LiesBelowItsBucketUpperEdge()
    {
        var random = new Random(5);
        for (int i = 0; i < 100_000; i++)
        {
            long value = random.NextInt64(0, 1L << 40);
            int bucket = LogHistogram.BucketOf(value);
            Assert.True(value <= LogHistogram.UpperEdgeNs(bucket), $"{value} above upper edge of bucket {bucket}");
            Assert.True(bucket == 0 || value > LogHistogram.UpperEdgeNs(bucket - 1), $"{value} belongs in a lower bucket than {bucket}");
        }
    }

    private static void AssertWithin(long actual, long expected, double relative) =>
        Assert.InRange(actual, (long)(expected * (1 - relative)), (long)(expected * (1 + relative)));
}
