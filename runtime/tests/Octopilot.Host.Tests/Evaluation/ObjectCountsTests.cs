using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class ObjectCountsTests
{
    private static int Band(string name) => ObjectCounts.BandNames.ToList().IndexOf(name);

    [Fact]
    public void Add_EveryLabelMatched_RecallAndPrecisionOne()
    {
        var counts = new ObjectCounts([0.3f]);

        counts.Add([new(true, 10), new(true, 30)], [new(0.9f, 10.5, 0), new(0.8f, 29, 1)]);

        ObjectBandCounts all = counts.Counts(0, Band("all"));
        Assert.Equal(1.0, all.Recall);
        Assert.Equal(1.0, all.Precision);
        Assert.Equal(2, all.TruePositives);
    }

    [Fact]
    public void Add_LabelRange_DecidesItsBands()
    {
        var counts = new ObjectCounts([0.3f]);

        counts.Add([new(true, 25)], [new(0.9f, 50, 0)]); // the detection's own range (50) does not move a true positive

        Assert.Equal(1, counts.Counts(0, Band("20-40 m")).TruePositives);
        Assert.Equal(1, counts.Counts(0, Band("within 40 m")).Labels);
        Assert.Equal(1, counts.Counts(0, Band("within 80 m")).Matched);
        Assert.Equal(0, counts.Counts(0, Band("0-20 m")).Labels);
        Assert.Equal(0, counts.Counts(0, Band("40-80 m")).TruePositives);
        Assert.Null(counts.Counts(0, Band("40-80 m")).Precision);
    }

    [Fact]
    public void Add_DetectionOnIgnoreLabel_CountsNeitherTrueNorFalse()
    {
        var counts = new ObjectCounts([0.3f]);

        counts.Add([new(false, 10)], [new(0.9f, 10, 0)]);

        ObjectBandCounts all = counts.Counts(0, Band("all"));
        Assert.Equal(0, all.Labels);
        Assert.Equal(0, all.TruePositives);
        Assert.Equal(0, all.FalsePositives);
        Assert.Null(all.Recall);
        Assert.Equal(1, counts.IgnoreLabels);
    }

    [Fact]
    public void Add_UnmatchedDetection_FalsePositiveInItsOwnBand_UnplacedOnlyInAll()
    {
        var counts = new ObjectCounts([0.3f]);

        counts.Add([new(true, 10)], [new(0.9f, 10, 0), new(0.8f, 55, -1), new(0.7f, double.NaN, -1)]);

        Assert.Equal(1, counts.Counts(0, Band("40-80 m")).FalsePositives);
        Assert.Equal(0, counts.Counts(0, Band("0-20 m")).FalsePositives);
        Assert.Equal(1.0, counts.Counts(0, Band("0-20 m")).Precision);
        Assert.Equal(0.5, counts.Counts(0, Band("within 80 m")).Precision);
        Assert.Equal(2, counts.Counts(0, Band("all")).FalsePositives);
        Assert.Equal(1, counts.UnplacedFalsePositives(0));
    }

    [Fact]
    public void Add_HigherThreshold_DropsDetectionsAndTheirMatches()
    {
        var counts = new ObjectCounts([0.1f, 0.5f]);

        counts.Add([new(true, 10), new(true, 15)], [new(0.6f, 10, 0), new(0.3f, 15, 1), new(0.2f, 12, -1)]);

        Assert.Equal(1.0, counts.Counts(0, Band("0-20 m")).Recall);
        Assert.Equal(2.0 / 3.0, counts.Counts(0, Band("0-20 m")).Precision!.Value, 12);
        Assert.Equal(0.5, counts.Counts(1, Band("0-20 m")).Recall);
        Assert.Equal(1.0, counts.Counts(1, Band("0-20 m")).Precision);
    }
}
