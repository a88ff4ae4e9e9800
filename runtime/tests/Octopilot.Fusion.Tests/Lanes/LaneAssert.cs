using Octopilot.Fusion.Lanes;
using Xunit;

namespace Octopilot.Fusion.Tests.Lanes;

internal static class LaneAssert
{
    /// <summary>
    /// Tolerance on one painted line's offset, m. A 0.15 m line on 0.25 m cells straddling a cell edge fills them (a, b),
    /// a + b = 0.6; the cell-centre centroid then overstates the offset from the edge by (b − a)·(1/0.6 − 1)·0.125 m,
    /// at most 0.05 m. The fit averages this only where the line crosses cells (bends, not straights).
    /// </summary>
    public const double SyntheticLineToleranceM = 0.06;

    /// <summary>Tolerance on a width (two lines' biases add, at most 0.1 m; the bar on real cameras is also 0.1 m).</summary>
    public const double SyntheticWidthToleranceM = 0.1;

    /// <summary>Every fitted boundary matches the painted line of the same index at x = 0, 30 and 55 m within <paramref name="toleranceM"/>.</summary>
    public static void BoundariesMatch(LaneEstimate estimate, double[] lineY0M, double radiusM, double toleranceM)
    {
        Assert.Equal(lineY0M.Length, estimate.BoundaryCount);
        for (int k = 0; k < lineY0M.Length; k++)
        {
            foreach (double x in new[] { 0.0, 30.0, 55.0 })
            {
                double expected = LanePainter.ArcYAtM(lineY0M[k], radiusM, x);
                double actual = estimate.Boundary(k).YAtM(x);
                Assert.True(Math.Abs(actual - expected) <= toleranceM, $"boundary {k} at x = {x} m: fitted {actual:F3} m, painted {expected:F3} m");
            }
        }
    }

    public static void Near(double expected, double actual, double toleranceM, string what) =>
        Assert.True(Math.Abs(actual - expected) <= toleranceM, $"{what}: expected {expected:F3} ± {toleranceM}, got {actual:F3}");
}
