using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class PlacementErrorsTests
{
    [Fact]
    public void Summaries_KnownErrors_MeanMedianP90NearestRank()
    {
        var errors = new PlacementErrors();
        for (int i = 1; i <= 10; i++)
        {
            errors.AddPlaced(10, i); // errors 1..10 m at 10 m range: 10..100 %
        }

        errors.AddNotPlaced(10);
        PlacementSummary near = errors.Summaries.Single(s => s.Band == "0-20 m");

        Assert.Equal(10, near.Placed);
        Assert.Equal(1, near.NotPlaced);
        Assert.Equal(5.5, near.MeanM!.Value, 12);
        Assert.Equal(5.0, near.MedianM); // ⌈0.5·10⌉ = 5th smallest
        Assert.Equal(9.0, near.P90M); // ⌈0.9·10⌉ = 9th smallest
        Assert.Equal(90.0, near.P90Percent!.Value, 9);
    }

    [Fact]
    public void Summaries_BandWithoutErrors_HasNullStatistics()
    {
        var errors = new PlacementErrors();

        errors.AddPlaced(50, 2);

        PlacementSummary near = errors.Summaries.Single(s => s.Band == "0-20 m");
        Assert.Equal(0, near.Placed);
        Assert.Null(near.MeanM);
        Assert.Equal(1, errors.Summaries.Single(s => s.Band == "within 80 m").Placed);
        Assert.Equal(4.0, errors.Summaries.Single(s => s.Band == "40-80 m").MeanPercent!.Value, 9);
    }
}
