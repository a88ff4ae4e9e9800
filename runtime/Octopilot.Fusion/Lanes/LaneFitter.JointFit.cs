namespace Octopilot.Fusion.Lanes;

/// <summary>
/// Step 5: the kept boundaries refitted together as parallel curves, y_k = a_k + Σⱼ bⱼ·uʲ (own offset, shared heading
/// and curvature). Lines of one road share their shape, so a line seen only near the car (a vehicle hides the rest)
/// borrows its far course from its neighbours instead of extrapolating alone. Offsetting a circle changes its curvature
/// by d/R² (under 1 cm at 60 m for R = 1000 m, d = 5.4 m), well below the marking noise.
/// </summary>
public sealed partial class LaneFitter
{
    /// <summary>Unknowns of the largest joint system: one offset per boundary plus the shared shape terms.</summary>
    private int MaxJointUnknowns => Options.MaxBoundaries + LaneFitOptions.MaxPolynomialOrder;

    /// <summary>Refits the first <paramref name="count"/> tracks of <see cref="_order"/> jointly; leaves them alone when the system is singular.</summary>
    private void FitJointly(int count)
    {
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, totalWeight = 0;
        for (int i = 0; i < count; i++)
        {
            LaneTrack track = _tracks[_order[i]];
            xMin = Math.Min(xMin, track.XMinM);
            xMax = Math.Max(xMax, track.XMaxM);
            totalWeight += track.TotalWeight;
        }

        double span = xMax - xMin;
        int shapeTerms = span < LaneTrack.MinSpanForSlopeM ? 0 : span < LaneTrack.MinSpanForCurvatureM ? Math.Min(1, Options.PolynomialOrder) : Options.PolynomialOrder;
        int n = count + shapeTerms;
        int stride = n + 1;
        Span<double> system = stackalloc double[MaxJointUnknowns * (MaxJointUnknowns + 1)];
        system.Clear();

        // Rows 0..count−1: offsets; rows count..n−1: shape term j = row − count + 1.
        for (int k = 0; k < count; k++)
        {
            LaneTrack track = _tracks[_order[k]];
            ReadOnlySpan<double> m = track.Moments;
            ReadOnlySpan<double> r = track.Rhs;
            system[(k * stride) + k] = m[0];
            system[(k * stride) + n] = r[0];
            for (int j = 1; j <= shapeTerms; j++)
            {
                int row = count + j - 1;
                system[(k * stride) + row] = m[j];
                system[(row * stride) + k] = m[j];
                system[(row * stride) + n] += r[j];
                for (int l = 1; l <= shapeTerms; l++)
                {
                    system[(row * stride) + count + l - 1] += m[j + l];
                }
            }
        }

        Span<double> solution = stackalloc double[MaxJointUnknowns];
        if (!LanePolynomial.TrySolveAugmented(system, n, totalWeight, solution))
        {
            return;
        }

        for (int k = 0; k < count; k++)
        {
            _tracks[_order[k]].SetJointFit(solution[k], solution.Slice(count, shapeTerms), shapeTerms);
        }
    }
}
