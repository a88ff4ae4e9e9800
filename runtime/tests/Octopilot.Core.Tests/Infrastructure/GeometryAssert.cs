using Octopilot.Core.Geometry;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>Element-wise comparisons with a tolerance that print both values on failure.</summary>
internal static class GeometryAssert
{
    public static void Equal(Vec3 expected, Vec3 actual, double tolerance)
    {
        if ((expected - actual).Length > tolerance)
        {
            Assert.Fail($"expected {expected} but got {actual} (|difference| {(expected - actual).Length:G3} > {tolerance:G3})");
        }
    }

    public static void Equal(Mat3 expected, Mat3 actual, double tolerance)
    {
        double[] e = Elements(expected), a = Elements(actual);
        for (int i = 0; i < 9; i++)
        {
            if (Math.Abs(e[i] - a[i]) > tolerance)
            {
                Assert.Fail($"element {i / 3},{i % 3}: expected {e[i]:R} but got {a[i]:R}; expected {expected}, got {actual}");
            }
        }
    }

    private static double[] Elements(Mat3 m) => [m.M00, m.M01, m.M02, m.M10, m.M11, m.M12, m.M20, m.M21, m.M22];
}
