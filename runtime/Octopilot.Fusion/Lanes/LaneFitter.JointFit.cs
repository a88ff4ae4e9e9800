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

    /// <summary>
    /// Refits the first <paramref name="count"/> tracks of <see cref="_order"/> jointly (an inferred boundary is left out
    /// and then follows its source at its shift); leaves them alone when the system is singular. A lane whose two
    /// boundaries match a lane of the previous fit (offsets within the gate) gets the prior
    /// λ·(a_left − a_right − previous width)², λ = <see cref="WidthPriorWeight"/> × the weaker boundary's total weight.
    /// </summary>
    private void FitJointly(int count)
    {
        Span<int> measured = stackalloc int[Options.MaxBoundaries]; // order position of each system offset row
        Span<int> rowOf = stackalloc int[Options.MaxBoundaries];     // system row of each order position, −1: inferred
        int rows = 0;
        double xMin = double.PositiveInfinity, xMax = double.NegativeInfinity, totalWeight = 0;
        for (int i = 0; i < count; i++)
        {
            if (_order[i] == InferredTrack)
            {
                rowOf[i] = -1;
                continue;
            }

            LaneTrack track = _tracks[_order[i]];
            rowOf[i] = rows;
            measured[rows++] = i;
            xMin = Math.Min(xMin, track.XMinM);
            xMax = Math.Max(xMax, track.XMaxM);
            totalWeight += track.TotalWeight;
        }

        double span = xMax - xMin;
        int shapeTerms = span < LaneTrack.MinSpanForSlopeM ? 0 : span < LaneTrack.MinSpanForCurvatureM ? Math.Min(1, Options.PolynomialOrder) : Options.PolynomialOrder;
        int n = rows + shapeTerms;
        int stride = n + 1;
        Span<double> system = stackalloc double[MaxJointUnknowns * (MaxJointUnknowns + 1)];
        system.Clear();

        // Rows 0..rows−1: offsets; rows rows..n−1: shape term j = row − rows + 1.
        for (int k = 0; k < rows; k++)
        {
            LaneTrack track = _tracks[_order[measured[k]]];
            ReadOnlySpan<double> m = track.Moments;
            ReadOnlySpan<double> r = track.Rhs;
            system[(k * stride) + k] = m[0];
            system[(k * stride) + n] = r[0];
            for (int j = 1; j <= shapeTerms; j++)
            {
                int row = rows + j - 1;
                system[(k * stride) + row] = m[j];
                system[(row * stride) + k] = m[j];
                system[(row * stride) + n] += r[j];
                for (int l = 1; l <= shapeTerms; l++)
                {
                    system[(row * stride) + rows + l - 1] += m[j + l];
                }
            }
        }

        AddWidthPrior(system, stride, n, count, rowOf);
        Span<double> solution = stackalloc double[MaxJointUnknowns];
        if (!LanePolynomial.TrySolveAugmented(system, n, totalWeight, solution))
        {
            return;
        }

        for (int k = 0; k < rows; k++)
        {
            _tracks[_order[measured[k]]].SetJointFit(solution[k], solution.Slice(rows, shapeTerms), shapeTerms);
        }

        for (int i = 0; i < count; i++)
        {
            if (rowOf[i] < 0)
            {
                int source = SourcePosition(count);
                double offset = source >= 0 && rowOf[source] >= 0 ? solution[rowOf[source]] : _tracks[_inferredSource].YAtM(0);
                _tracks[InferredTrack].SetJointFit(offset + _inferredShiftM, solution.Slice(rows, shapeTerms), shapeTerms);
            }
        }
    }

    /// <summary>Adds the previous fit's widths of the lanes between consecutive measured boundaries (see <see cref="FitJointly"/>).</summary>
    private void AddWidthPrior(Span<double> system, int stride, int n, int count, ReadOnlySpan<int> rowOf)
    {
        for (int i = 1; i < count; i++)
        {
            int a = rowOf[i - 1], b = rowOf[i];
            if (a < 0 || b < 0)
            {
                continue;
            }

            LaneTrack left = _tracks[_order[i - 1]], right = _tracks[_order[i]];
            double widthM = PreviousLaneWidthM(left.YAtM(0), right.YAtM(0));
            if (double.IsNaN(widthM))
            {
                continue;
            }

            double lambda = WidthPriorWeight * Math.Min(left.TotalWeight, right.TotalWeight);
            system[(a * stride) + a] += lambda;
            system[(a * stride) + b] -= lambda;
            system[(a * stride) + n] += lambda * widthM;
            system[(b * stride) + b] += lambda;
            system[(b * stride) + a] -= lambda;
            system[(b * stride) + n] -= lambda * widthM;
        }
    }

    /// <summary>Order position of the inferred boundary's source among the first <paramref name="count"/>; −1 when not kept.</summary>
    private int SourcePosition(int count)
    {
        for (int i = 0; i < count; i++)
        {
            if (_order[i] == _inferredSource)
            {
                return i;
            }
        }

        return -1;
    }
}
