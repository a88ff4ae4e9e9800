namespace Octopilot.Planner.Lateral;

/// <summary>
/// Least-squares cubic y ≈ c0 + c1·x + c2·x² + c3·x³ through sampled points of a lane centre in the ego frame: how a
/// producer that has points rather than a polynomial (a simulation's true road, a test) makes a
/// <see cref="LaneCentreLine"/>. Allocation-free (stack only); x is scaled by 1/50 m for conditioning.
/// </summary>
public static class LaneCentreLineFit
{
    private const double ScaleM = 50;

    /// <summary>The cubic through (<paramref name="xsM"/>, <paramref name="ysM"/>) (at least 4 distinct x).</summary>
    public static LaneCentreLine Cubic(ReadOnlySpan<double> xsM, ReadOnlySpan<double> ysM, double confidenceUnit)
    {
        if (xsM.Length != ysM.Length || xsM.Length < 4)
        {
            throw new ArgumentException($"need at least 4 points with one y per x (got {xsM.Length} x and {ysM.Length} y)");
        }

        Span<double> a = stackalloc double[16];
        Span<double> b = stackalloc double[4];
        Span<double> p = stackalloc double[4];
        for (int i = 0; i < xsM.Length; i++)
        {
            double u = xsM[i] / ScaleM;
            p[0] = 1;
            p[1] = u;
            p[2] = u * u;
            p[3] = u * u * u;
            for (int r = 0; r < 4; r++)
            {
                b[r] += p[r] * ysM[i];
                for (int col = 0; col < 4; col++)
                {
                    a[(r * 4) + col] += p[r] * p[col];
                }
            }
        }

        Span<double> c = stackalloc double[4];
        Solve4(a, b, c);
        return new LaneCentreLine(c[0], c[1] / ScaleM, c[2] / (ScaleM * ScaleM), c[3] / (ScaleM * ScaleM * ScaleM), confidenceUnit);
    }

    /// <summary>Gaussian elimination with partial pivoting on the 4×4 normal equations (destroys a and b).</summary>
    private static void Solve4(Span<double> a, Span<double> b, Span<double> x)
    {
        for (int col = 0; col < 4; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < 4; r++)
            {
                if (Math.Abs(a[(r * 4) + col]) > Math.Abs(a[(pivot * 4) + col]))
                {
                    pivot = r;
                }
            }

            for (int k = 0; k < 4; k++)
            {
                (a[(col * 4) + k], a[(pivot * 4) + k]) = (a[(pivot * 4) + k], a[(col * 4) + k]);
            }

            (b[col], b[pivot]) = (b[pivot], b[col]);
            for (int r = col + 1; r < 4; r++)
            {
                double f = a[(r * 4) + col] / a[(col * 4) + col];
                for (int k = col; k < 4; k++)
                {
                    a[(r * 4) + k] -= f * a[(col * 4) + k];
                }

                b[r] -= f * b[col];
            }
        }

        for (int r = 3; r >= 0; r--)
        {
            double sum = b[r];
            for (int k = r + 1; k < 4; k++)
            {
                sum -= a[(r * 4) + k] * x[k];
            }

            x[r] = sum / a[(r * 4) + r];
        }
    }
}
