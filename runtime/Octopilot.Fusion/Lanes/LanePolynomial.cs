namespace Octopilot.Fusion.Lanes;

/// <summary>
/// Weighted least squares for a polynomial of order ≤ <see cref="LaneFitOptions.MaxPolynomialOrder"/> from its normal
/// equations, solved by Gaussian elimination with partial pivoting on the stack: no allocation. The caller scales x
/// (to about [−1, 1]) so the moment matrix stays well conditioned.
/// </summary>
internal static class LanePolynomial
{
    /// <summary>Terms of the largest supported polynomial (order 3).</summary>
    public const int MaxTerms = LaneFitOptions.MaxPolynomialOrder + 1;

    /// <summary>Moments Σw·uᵏ needed for the largest supported order (k = 0..2·order).</summary>
    public const int MaxMoments = (2 * LaneFitOptions.MaxPolynomialOrder) + 1;

    /// <summary>
    /// Solves Σⱼ M[i+j]·aⱼ = R[i] (i, j = 0..<paramref name="order"/>) for <paramref name="coefficients"/> (a₀..a_order;
    /// higher entries set to 0). <paramref name="moments"/>[k] = Σw·uᵏ, <paramref name="rhs"/>[k] = Σw·y·uᵏ.
    /// Returns false, coefficients zeroed, when the system is singular (too few distinct u for the order).
    /// </summary>
    public static bool TrySolve(ReadOnlySpan<double> moments, ReadOnlySpan<double> rhs, int order, Span<double> coefficients)
    {
        int n = order + 1;
        Span<double> a = stackalloc double[MaxTerms * (MaxTerms + 1)];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                a[(i * (n + 1)) + j] = moments[i + j];
            }

            a[(i * (n + 1)) + n] = rhs[i];
        }

        coefficients.Clear();
        return TrySolveAugmented(a, n, Math.Abs(moments[0]), coefficients);
    }

    /// <summary>
    /// Solves the n×n system held row-major in <paramref name="augmented"/> (n rows of n + 1: the matrix, then the right
    /// side; overwritten) into <paramref name="solution"/>. A pivot under 1e-12·<paramref name="scale"/> means the system is
    /// singular: returns false.
    /// </summary>
    public static bool TrySolveAugmented(Span<double> augmented, int n, double scale, Span<double> solution)
    {
        Span<double> a = augmented;
        int stride = n + 1;
        if (!(scale > 0))
        {
            return false;
        }

        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[(row * stride) + col]) > Math.Abs(a[(pivot * stride) + col]))
                {
                    pivot = row;
                }
            }

            if (!(Math.Abs(a[(pivot * stride) + col]) > 1e-12 * scale))
            {
                return false;
            }

            if (pivot != col)
            {
                for (int j = col; j <= n; j++)
                {
                    (a[(col * stride) + j], a[(pivot * stride) + j]) = (a[(pivot * stride) + j], a[(col * stride) + j]);
                }
            }

            for (int row = col + 1; row < n; row++)
            {
                double f = a[(row * stride) + col] / a[(col * stride) + col];
                for (int j = col; j <= n; j++)
                {
                    a[(row * stride) + j] -= f * a[(col * stride) + j];
                }
            }
        }

        for (int row = n - 1; row >= 0; row--)
        {
            double sum = a[(row * stride) + n];
            for (int j = row + 1; j < n; j++)
            {
                sum -= a[(row * stride) + j] * solution[j];
            }

            solution[row] = sum / a[(row * stride) + row];
        }

        return true;
    }
}
