namespace Octopilot.Fusion.Lanes;

/// <summary>
/// One boundary hypothesis while <see cref="LaneFitter"/> walks the slices: the peaks it has taken (at most one per slice)
/// and their running weighted moments, from which it predicts its lateral offset at the next slice and is finally fitted.
/// Preallocated by the fitter (capacity = slice count) and reset per fit; x is scaled by <see cref="XScaleM"/> inside
/// the moments so the normal equations stay well conditioned.
/// </summary>
internal sealed class LaneTrack
{
    /// <summary>x scale of the moments, m: the fit window is tens of metres, so u = x / 50 stays within about ±2.</summary>
    public const double XScaleM = 50.0;

    /// <summary>Support span below which a track predicts a constant offset, m (a slope needs more than one dash).</summary>
    public const double MinSpanForSlopeM = 4.0;

    /// <summary>Support span below which a track predicts at most a straight line, m (curvature needs a long base).</summary>
    public const double MinSpanForCurvatureM = 20.0;

    private readonly double[] _x;
    private readonly double[] _y;
    private readonly double[] _w;
    private readonly double[] _moments = new double[LanePolynomial.MaxMoments];
    private readonly double[] _rhs = new double[LanePolynomial.MaxTerms];
    private readonly double[] _coefficients = new double[LanePolynomial.MaxTerms];
    private int _solvedCount = -1;
    private int _solvedMaxOrder = -1;

    public LaneTrack(int capacity)
    {
        _x = new double[capacity];
        _y = new double[capacity];
        _w = new double[capacity];
    }

    public int Count { get; private set; }

    public double XMinM { get; private set; }

    public double XMaxM { get; private set; }

    public double TotalWeight => _moments[0];

    /// <summary>Order of the last <see cref="Solve"/> (may be below the requested one on a short support).</summary>
    public int FittedOrder { get; private set; }

    public double RmsResidualM { get; private set; }

    public void Reset()
    {
        Count = 0;
        XMinM = double.PositiveInfinity;
        XMaxM = double.NegativeInfinity;
        Array.Clear(_moments);
        Array.Clear(_rhs);
        Array.Clear(_coefficients);
        FittedOrder = 0;
        RmsResidualM = 0;
        _solvedCount = -1;
    }

    /// <summary>Adds a peak; ignored when the track is full (only possible after merges of overlapping tracks).</summary>
    public void Add(double xM, double yM, double weight)
    {
        if (Count == _x.Length)
        {
            return;
        }

        _x[Count] = xM;
        _y[Count] = yM;
        _w[Count] = weight;
        Count++;
        Accumulate(xM, yM, weight);
    }

    /// <summary>Takes every point of <paramref name="other"/> (as many as capacity holds) and resets it.</summary>
    public void MergeFrom(LaneTrack other)
    {
        for (int i = 0; i < other.Count; i++)
        {
            Add(other._x[i], other._y[i], other._w[i]);
        }

        other.Reset();
    }

    /// <summary>Replaces this track's points with <paramref name="other"/>'s (a scratch copy for a trial merge).</summary>
    public void CopyFrom(LaneTrack other)
    {
        Reset();
        for (int i = 0; i < other.Count; i++)
        {
            Add(other._x[i], other._y[i], other._w[i]);
        }
    }

    /// <summary>Replaces this track's points with <paramref name="other"/>'s moved <paramref name="shiftM"/> to the left (an inferred parallel line).</summary>
    public void CopyShifted(LaneTrack other, double shiftM)
    {
        Reset();
        for (int i = 0; i < other.Count; i++)
        {
            Add(other._x[i], other._y[i] + shiftM, other._w[i]);
        }
    }

    /// <summary>Adds <paramref name="other"/>'s points, leaving it untouched.</summary>
    public void AddFrom(LaneTrack other)
    {
        for (int i = 0; i < other.Count; i++)
        {
            Add(other._x[i], other._y[i], other._w[i]);
        }
    }

    /// <summary>The straight-line (order ≤ 1) fit of the points at <paramref name="xM"/>, m; the current fit is not changed.</summary>
    public double LinearYAtM(double xM)
    {
        Span<double> line = stackalloc double[LanePolynomial.MaxTerms];
        int order = XMaxM - XMinM < MinSpanForSlopeM || Count < 2 ? 0 : 1;
        if (!LanePolynomial.TrySolve(_moments, _rhs, order, line) && order == 1)
        {
            LanePolynomial.TrySolve(_moments, _rhs, 0, line);
        }

        return line[0] + (line[1] * xM / XScaleM);
    }

    /// <summary>x extent of the support, m (0 when empty or a single slice).</summary>
    public double SpanM => Count > 0 ? XMaxM - XMinM : 0;

    /// <summary>
    /// Weighted mean lateral offset of the points from <paramref name="reference"/>'s last fit, m: where this track lies
    /// if it runs parallel to the reference (lines of one road do).
    /// </summary>
    public double MeanOffsetFromM(LaneTrack reference)
    {
        double sum = 0, weight = 0;
        for (int i = 0; i < Count; i++)
        {
            sum += _w[i] * (_y[i] - reference.YAtM(_x[i]));
            weight += _w[i];
        }

        return weight > 0 ? sum / weight : 0;
    }

    /// <summary>Lateral distance beyond the support at <paramref name="xM"/>, m (0 inside it).</summary>
    public double ExtrapolationM(double xM) => xM < XMinM ? XMinM - xM : xM > XMaxM ? xM - XMaxM : 0;

    /// <summary>
    /// Fits the points with the highest order the support allows, up to <paramref name="maxOrder"/>: constant below
    /// <see cref="MinSpanForSlopeM"/>, straight below <see cref="MinSpanForCurvatureM"/>. Sets <see cref="RmsResidualM"/>.
    /// </summary>
    public void Solve(int maxOrder)
    {
        if (_solvedCount == Count && _solvedMaxOrder == maxOrder)
        {
            return; // nothing added or removed since the last solve
        }

        _solvedCount = Count;
        _solvedMaxOrder = maxOrder;
        double span = XMaxM - XMinM;
        int order = span < MinSpanForSlopeM ? 0 : span < MinSpanForCurvatureM ? Math.Min(1, maxOrder) : maxOrder;
        order = Math.Max(0, Math.Min(order, Count - 1));
        while (order > 0 && !LanePolynomial.TrySolve(_moments, _rhs, order, _coefficients))
        {
            order--;
        }

        if (order == 0)
        {
            LanePolynomial.TrySolve(_moments, _rhs, 0, _coefficients);
        }

        FittedOrder = order;
        UpdateResidual();
    }

    private void UpdateResidual()
    {
        double sumSq = 0;
        for (int i = 0; i < Count; i++)
        {
            double r = _y[i] - YAtM(_x[i]);
            sumSq += _w[i] * r * r;
        }

        RmsResidualM = TotalWeight > 0 ? Math.Sqrt(sumSq / TotalWeight) : 0;
    }

    /// <summary>
    /// Drops points farther than <paramref name="maxResidualM"/> from the current fit and rebuilds the moments from the
    /// rest; returns how many were dropped. Call <see cref="Solve"/> again afterwards.
    /// </summary>
    public int RejectOutliers(double maxResidualM)
    {
        int kept = 0;
        for (int i = 0; i < Count; i++)
        {
            if (Math.Abs(_y[i] - YAtM(_x[i])) <= maxResidualM)
            {
                _x[kept] = _x[i];
                _y[kept] = _y[i];
                _w[kept] = _w[i];
                kept++;
            }
        }

        int dropped = Count - kept;
        if (dropped > 0)
        {
            Count = kept;
            Array.Clear(_moments);
            Array.Clear(_rhs);
            XMinM = double.PositiveInfinity;
            XMaxM = double.NegativeInfinity;
            for (int i = 0; i < kept; i++)
            {
                Accumulate(_x[i], _y[i], _w[i]);
            }
        }

        return dropped;
    }

    /// <summary>Σw·uᵏ of the points, k = 0..<see cref="LanePolynomial.MaxMoments"/> − 1.</summary>
    public ReadOnlySpan<double> Moments => _moments;

    /// <summary>Σw·y·uᵏ of the points, k = 0..<see cref="LanePolynomial.MaxTerms"/> − 1.</summary>
    public ReadOnlySpan<double> Rhs => _rhs;

    /// <summary>
    /// Replaces the fit with offset <paramref name="offset"/> and the shared shape terms of a joint fit
    /// (<paramref name="shape"/>[j − 1] multiplies uʲ, j = 1..<paramref name="order"/>); recomputes the residual.
    /// </summary>
    public void SetJointFit(double offset, ReadOnlySpan<double> shape, int order)
    {
        Array.Clear(_coefficients);
        _coefficients[0] = offset;
        for (int j = 1; j <= order; j++)
        {
            _coefficients[j] = shape[j - 1];
        }

        FittedOrder = order;
        _solvedCount = -1;
        UpdateResidual();
    }

    /// <summary>The last fit's curve at <paramref name="xM"/>, m.</summary>
    public double YAtM(double xM)
    {
        double u = xM / XScaleM;
        return _coefficients[0] + (u * (_coefficients[1] + (u * (_coefficients[2] + (u * _coefficients[3])))));
    }

    /// <summary>x of supporting point <paramref name="index"/> (a slice centre), m; index below <see cref="Count"/>.</summary>
    public double PointXM(int index) => _x[index];

    /// <summary>y of supporting point <paramref name="index"/> (the peak's centroid), m; index below <see cref="Count"/>.</summary>
    public double PointYM(int index) => _y[index];

    /// <summary>
    /// The last <see cref="Solve"/>'s curve in metres: y = c0 + c1·x + c2·x² + c3·x³. Marking from
    /// <paramref name="meanSolidProbability"/> (the solid_lines head) when it is a number, else from the support coverage.
    /// </summary>
    public LaneBoundary ToBoundary(double sliceLengthM, double meanSolidProbability = double.NaN)
    {
        const double S = XScaleM;
        double slicesAcross = Math.Round((XMaxM - XMinM) / sliceLengthM) + 1;
        bool fromHead = !double.IsNaN(meanSolidProbability);
        return new LaneBoundary(
            _coefficients[0],
            _coefficients[1] / S,
            _coefficients[2] / (S * S),
            _coefficients[3] / (S * S * S),
            XMinM,
            XMaxM,
            Count,
            RmsResidualM,
            isDashed: fromHead ? meanSolidProbability < LaneFitter.SolidProbabilityThreshold : Count < 0.6 * slicesAcross,
            markingSource: fromHead ? LaneMarkingSource.SolidLinesHead : LaneMarkingSource.Coverage,
            meanSolidProbability: meanSolidProbability);
    }

    /// <summary>
    /// The last fit as an inferred boundary: no supporting slice of its own, the support range and residual of the line
    /// it was copied from (<see cref="CopyShifted"/>).
    /// </summary>
    public LaneBoundary ToInferredBoundary()
    {
        const double S = XScaleM;
        return new LaneBoundary(
            _coefficients[0],
            _coefficients[1] / S,
            _coefficients[2] / (S * S),
            _coefficients[3] / (S * S * S),
            XMinM,
            XMaxM,
            supportSlices: 0,
            RmsResidualM,
            isDashed: false,
            isInferred: true);
    }

    private void Accumulate(double xM, double yM, double weight)
    {
        double u = xM / XScaleM;
        double p = weight;
        for (int k = 0; k < LanePolynomial.MaxMoments; k++)
        {
            _moments[k] += p;
            if (k < LanePolynomial.MaxTerms)
            {
                _rhs[k] += p * yM;
            }

            p *= u;
        }

        XMinM = Math.Min(XMinM, xM);
        XMaxM = Math.Max(XMaxM, xM);
    }
}
