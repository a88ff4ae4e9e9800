using Octopilot.Host.Evaluation;

namespace Octopilot.Host.Tests.Evaluation;

public sealed class OperatingPointTests
{
    // (threshold, within 40 m: labels 100, matched, TP, FP), within 80 m unused.
    private static (float, ObjectBandCounts, ObjectBandCounts) Row(float threshold, long matched, long falsePositives) =>
        (threshold, new ObjectBandCounts("within 40 m", 100, matched, matched, falsePositives), new ObjectBandCounts("within 80 m", 0, 0, 0, 0));

    [Fact]
    public void AtPrecision_PicksTheHighestRecallThatKeepsThePrecision()
    {
        var sweep = new[] { Row(0.1f, 95, 40), Row(0.3f, 88, 8), Row(0.5f, 70, 2), Row(0.7f, 40, 0) };

        OperatingPoint? point = OperatingPoint.AtPrecision(sweep, r => r.Item2, 0.9);

        Assert.NotNull(point);
        Assert.Equal(0.3f, point.Value.Threshold);
        Assert.Equal(0.88, point.Value.Recall, 12);
        Assert.Equal(88 / 96.0, point.Value.Precision, 12);
    }

    [Fact]
    public void AtPrecision_NoThresholdReachesIt_Null()
    {
        var sweep = new[] { Row(0.1f, 95, 40), Row(0.5f, 60, 10) };

        Assert.Null(OperatingPoint.AtPrecision(sweep, r => r.Item2, 0.9));
    }

    [Fact]
    public void AtPrecision_BandWithoutDetections_IsNotAnOperatingPoint()
    {
        var sweep = new[] { Row(0.9f, 0, 0) };

        Assert.Null(OperatingPoint.AtPrecision(sweep, r => r.Item2, 0.9));
    }
}
