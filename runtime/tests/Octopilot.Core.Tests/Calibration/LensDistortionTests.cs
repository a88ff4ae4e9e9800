using Octopilot.Core.Calibration;

namespace Octopilot.Core.Tests.Calibration;

public class LensDistortionTests
{
    private static readonly LensDistortion Barrel = new(-0.05, 0.002, 0, 0, 0);
    private static readonly LensDistortion WithTangential = new(-0.28, 0.07, 0.0012, -0.0009, -0.008);

    public static TheoryData<double, double> NormalisedPoints() => new()
    {
        { 0, 0 }, { 0.3, -0.2 }, { -1.19, 0.89 }, { 1.0, 1.0 }, { -0.01, 0.6 },
    };

    [Theory]
    [MemberData(nameof(NormalisedPoints))]
    public void Undistort_OfDistortedBarrelPoint_ReturnsOriginal(double x, double y)
    {
        (double xd, double yd) = Barrel.Distort(x, y);
        (double xBack, double yBack) = Barrel.Undistort(xd, yd);

        Assert.Equal(x, xBack, 1e-10);
        Assert.Equal(y, yBack, 1e-10);
    }

    [Theory]
    [InlineData(0.3, -0.2)]
    [InlineData(-0.5, 0.4)]
    public void Undistort_OfDistortedPointWithTangentialTerms_ReturnsOriginal(double x, double y)
    {
        (double xd, double yd) = WithTangential.Distort(x, y);
        (double xBack, double yBack) = WithTangential.Undistort(xd, yd);

        Assert.Equal(x, xBack, 1e-10);
        Assert.Equal(y, yBack, 1e-10);
    }

    [Fact]
    public void Distort_RadialOnly_MatchesBrownConradyByHand()
    {
        // r² = 0.5² + 0.5² = 0.5; factor = 1 − 0.05·0.5 + 0.002·0.25 = 0.9755.
        (double xd, double yd) = Barrel.Distort(0.5, -0.5);

        Assert.Equal(0.5 * 0.9755, xd, 1e-15);
        Assert.Equal(-0.5 * 0.9755, yd, 1e-15);
    }

    [Fact]
    public void Distort_TangentialOnly_MatchesOpenCvFormula()
    {
        // x' = x + 2·p1·x·y + p2·(r² + 2x²); y' = y + p1·(r² + 2y²) + 2·p2·x·y.
        var lens = new LensDistortion(0, 0, 0.01, 0.02, 0);
        (double xd, double yd) = lens.Distort(0.3, 0.4);

        Assert.Equal(0.3 + (2 * 0.01 * 0.12) + (0.02 * (0.25 + 0.18)), xd, 1e-15);
        Assert.Equal(0.4 + (0.01 * (0.25 + 0.32)) + (2 * 0.02 * 0.12), yd, 1e-15);
    }

    [Fact]
    public void Distort_None_IsIdentity()
    {
        Assert.True(LensDistortion.None.IsZero);
        Assert.Equal((0.7, -0.3), LensDistortion.None.Distort(0.7, -0.3));
        Assert.Equal((0.7, -0.3), LensDistortion.None.Undistort(0.7, -0.3));
    }
}
