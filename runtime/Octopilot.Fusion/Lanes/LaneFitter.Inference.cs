namespace Octopilot.Fusion.Lanes;

/// <summary>
/// The single-line fallback (an ego lane with one boundary found is completed one lane width away) and the fitter's
/// memory of the previous fit (its boundaries' offsets and ego lane width), the prior of the next.
/// </summary>
public sealed partial class LaneFitter
{
    /// <summary>
    /// Factor on <see cref="LaneEstimate.Confidence"/> when a boundary was inferred: one side of the ego lane is an
    /// assumption (the lane width held), not a measurement.
    /// </summary>
    public const double InferredConfidenceFactor = 0.5;

    /// <summary>
    /// Weight of the previous fit's lane width in the joint fit, as a fraction of the total peak weight of the lane's
    /// weaker boundary. 1: the previous width counts about twice the current measurement of a lane between two equally
    /// painted lines, an exponential filter over about three sets (0.2 s at 15 fps), while a divider's offset varies by
    /// ±0.05 m from set to set with the dashes in view.
    /// </summary>
    public const double WidthPriorWeight = 1.0;

    private int _inferredSource = -1;
    private double _inferredShiftM;
    private int _previousCount;
    private double _previousEgoWidthM = double.NaN;

    /// <summary>The track slot reserved for the inferred boundary (past the association's tracks).</summary>
    private int InferredTrack => _maxTracks;

    /// <summary>
    /// When no plausible lane holds the ego among the <paramref name="count"/> sorted candidates but a candidate lies
    /// within a lane width of it on one side, inserts a parallel copy of that candidate one lane width toward (and past)
    /// the ego. The width is the mean of this fit's plausible lanes, else the previous fit's ego lane width; none: no
    /// inference. Of two possible sources the one with more paint wins. Returns the new candidate count.
    /// </summary>
    private int InferEgoBoundary(int count)
    {
        if (count == 0)
        {
            return 0;
        }

        int right = 0; // first candidate right of the ego
        while (right < count && _tracks[_order[right]].YAtM(0) >= 0)
        {
            right++;
        }

        if (right > 0 && right < count && IsPlausibleLane(_tracks[_order[right - 1]], _tracks[_order[right]]))
        {
            return count; // the ego lane was measured
        }

        double widthM = InferenceWidthM(count);
        if (!(widthM >= Options.MinLaneWidthM && widthM <= Options.MaxLaneWidthM))
        {
            return count;
        }

        double leftY0 = right > 0 ? _tracks[_order[right - 1]].YAtM(0) : double.NaN;
        double rightY0 = right < count ? _tracks[_order[right]].YAtM(0) : double.NaN;

        // From the left neighbour: a right boundary one width to its right, right of the ego, clear of the next line.
        double fromLeftY0 = leftY0 - widthM;
        bool fromLeft = right > 0 && fromLeftY0 < 0 && (right == count || fromLeftY0 - rightY0 >= Options.MinLaneWidthM);
        double fromRightY0 = rightY0 + widthM;
        bool fromRight = right < count && fromRightY0 >= 0 && (right == 0 || leftY0 - fromRightY0 >= Options.MinLaneWidthM);
        if (fromLeft && fromRight)
        {
            bool leftHeavier = _tracks[_order[right - 1]].TotalWeight >= _tracks[_order[right]].TotalWeight;
            fromLeft = leftHeavier;
            fromRight = !leftHeavier;
        }

        if (!fromLeft && !fromRight)
        {
            return count;
        }

        _inferredSource = fromLeft ? _order[right - 1] : _order[right];
        _inferredShiftM = fromLeft ? -widthM : widthM;
        LaneTrack inferred = _tracks[InferredTrack];
        inferred.CopyShifted(_tracks[_inferredSource], _inferredShiftM);
        inferred.Solve(Options.PolynomialOrder);
        for (int j = count; j > right; j--)
        {
            _order[j] = _order[j - 1];
        }

        _order[right] = InferredTrack;
        return count + 1;
    }

    /// <summary>Mean width of the plausible lanes between consecutive candidates, else the previous fit's ego lane width (NaN: none).</summary>
    private double InferenceWidthM(int count)
    {
        double sum = 0;
        int lanes = 0;
        for (int i = 1; i < count; i++)
        {
            LaneTrack left = _tracks[_order[i - 1]], right = _tracks[_order[i]];
            if (IsPlausibleLane(left, right))
            {
                sum += SpacingM(left, right);
                lanes++;
            }
        }

        return lanes > 0 ? sum / lanes : _previousEgoWidthM;
    }

    /// <summary>
    /// The previous fit's width at x = 0 of the lane whose boundaries lay within the gate of <paramref name="leftY0M"/> and
    /// <paramref name="rightY0M"/> (this fit's offsets at x = 0); NaN when the previous fit had no such lane.
    /// </summary>
    private double PreviousLaneWidthM(double leftY0M, double rightY0M)
    {
        for (int j = 0; j + 1 < _previousCount; j++)
        {
            if (Math.Abs(_previousC0M[j] - leftY0M) <= Options.GateM && Math.Abs(_previousC0M[j + 1] - rightY0M) <= Options.GateM)
            {
                return _previousC0M[j] - _previousC0M[j + 1];
            }
        }

        return double.NaN;
    }

    /// <summary>Keeps what the next fit uses of <paramref name="result"/>: the boundaries' offsets and the ego lane width.</summary>
    private void Remember(LaneEstimate result)
    {
        _previousCount = result.BoundaryCount;
        for (int i = 0; i < _previousCount; i++)
        {
            _previousC0M[i] = result.Boundary(i).C0;
        }

        _previousEgoWidthM = result.EgoLaneIndex >= 0 ? result.EgoLaneWidthM : double.NaN;
    }
}
