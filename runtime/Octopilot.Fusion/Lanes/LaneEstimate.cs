namespace Octopilot.Fusion.Lanes;

/// <summary>
/// The lanes fitted from one fused BEV grid, in the ego frame (ISO 8855: x forward, y left, origin under the rear axle).
/// Allocated once (<see cref="LaneFitter.CreateEstimate"/>) and overwritten by every <see cref="LaneFitter.Fit"/>: the
/// contents are valid until the next Fit into the same instance. Boundaries are sorted left to right (descending y);
/// lane i lies between boundary i (its left) and boundary i + 1 (its right), so lane 0 is the leftmost. Every
/// consecutive pair of reported boundaries is a lane of plausible width: <see cref="LaneCount"/> = <see cref="BoundaryCount"/> − 1.
/// Widths and offsets are taken at x = 0. Not thread-safe: read it on the thread that fits it.
/// </summary>
public sealed class LaneEstimate
{
    private readonly LaneBoundary[] _boundaries;

    /// <param name="maxBoundaries">Capacity (<see cref="LaneFitOptions.MaxBoundaries"/> of the fitter that fills it).</param>
    public LaneEstimate(int maxBoundaries)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBoundaries, 2);
        _boundaries = new LaneBoundary[maxBoundaries];
        Clear();
    }

    /// <summary>Boundaries this instance can hold.</summary>
    public int Capacity => _boundaries.Length;

    /// <summary>At least one lane was found. When false every count is 0, <see cref="Confidence"/> is 0 and no point is in a lane.</summary>
    public bool IsValid => LaneCount > 0;

    public int BoundaryCount { get; private set; }

    public int LaneCount => BoundaryCount > 1 ? BoundaryCount - 1 : 0;

    /// <summary>
    /// Boundaries placed by the single-line fallback rather than measured (0 or 1; <see cref="LaneBoundary.IsInferred"/>):
    /// the ego lane had one boundary found, the other is one lane width away (the width of this fit's other lanes, else
    /// of the previous fit's ego lane).
    /// </summary>
    public int InferredBoundaryCount { get; private set; }

    /// <summary>The lane containing the ego origin (y = 0 at x = 0), 0 = leftmost; −1 when the origin is outside every lane.</summary>
    public int EgoLaneIndex { get; private set; }

    /// <summary>Width of the ego lane at x = 0, m; 0 when <see cref="EgoLaneIndex"/> is −1.</summary>
    public double EgoLaneWidthM => EgoLaneIndex >= 0 ? LaneWidthM(EgoLaneIndex) : 0;

    /// <summary>
    /// The ego origin's lateral offset from its lane's centre at x = 0, m, positive when the ego is left of the centre
    /// (= −(centre y at x = 0)); 0 when <see cref="EgoLaneIndex"/> is −1.
    /// </summary>
    public double EgoLateralOffsetM => EgoLaneIndex >= 0 ? -LaneCentreYAtM(EgoLaneIndex, 0) : 0;

    /// <summary>
    /// How much to trust the estimate, [0, 1]; 0 when not valid. Product of three factors:
    /// (1) mean over the boundaries of min(1, support slices / <see cref="LaneFitOptions.FullSupportSlices"/>) ·
    /// 1 / (1 + (RMS residual / <see cref="LaneFitOptions.ResidualScaleM"/>)²);
    /// (2) width consistency 1 − (widest − narrowest lane) / (<see cref="LaneFitOptions.MaxLaneWidthM"/> −
    /// <see cref="LaneFitOptions.MinLaneWidthM"/>), clamped to [0, 1];
    /// (3) ½ when the ego is in no lane, else 1;
    /// (4) <see cref="LaneFitter.InferredConfidenceFactor"/> when a boundary is inferred, else 1.
    /// Inferred boundaries are left out of (1).
    /// </summary>
    public double Confidence { get; private set; }

    /// <summary>Nearest x (m) at which <see cref="LaneIndexAt"/> answers: the fit window's rear end less the query extrapolation.</summary>
    public double QueryXMinM { get; private set; }

    /// <summary>Farthest x (m) at which <see cref="LaneIndexAt"/> answers: the fit window's front end plus the query extrapolation.</summary>
    public double QueryXMaxM { get; private set; }

    /// <summary>Boundary <paramref name="index"/>, 0 = leftmost.</summary>
    public LaneBoundary Boundary(int index)
    {
        if ((uint)index >= (uint)BoundaryCount)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"boundary must be in 0..{BoundaryCount - 1} (boundaries fitted: {BoundaryCount})");
        }

        return _boundaries[index];
    }

    /// <summary>
    /// Width of lane <paramref name="lane"/> at x = 0, m: the lateral gap between its boundaries times the cosine of their
    /// mean heading (the width across the lane, not along y).
    /// </summary>
    public double LaneWidthM(int lane)
    {
        CheckLane(lane);
        return WidthAt(_boundaries[lane], _boundaries[lane + 1], 0);
    }

    /// <summary>Lateral offset (m, left positive) of lane <paramref name="lane"/>'s centre at <paramref name="xM"/>.</summary>
    public double LaneCentreYAtM(int lane, double xM)
    {
        CheckLane(lane);
        return 0.5 * (_boundaries[lane].YAtM(xM) + _boundaries[lane + 1].YAtM(xM));
    }

    /// <summary>
    /// The lane holding the ground point (x, y) (left boundary inclusive), 0 = leftmost; −1 when the estimate is not
    /// valid, the point is left of the leftmost or right of the rightmost boundary, or x is outside
    /// [<see cref="QueryXMinM"/>, <see cref="QueryXMaxM"/>]. Allocation-free; for assigning tracked objects to lanes.
    /// </summary>
    public int LaneIndexAt(double xM, double yM)
    {
        if (!IsValid || !(xM >= QueryXMinM && xM <= QueryXMaxM) || !double.IsFinite(yM))
        {
            return -1;
        }

        double left = _boundaries[0].YAtM(xM);
        for (int lane = 0; lane < LaneCount; lane++)
        {
            double right = _boundaries[lane + 1].YAtM(xM);
            if (yM <= left && yM > right)
            {
                return lane;
            }

            left = right;
        }

        return -1;
    }

    internal static double WidthAt(in LaneBoundary left, in LaneBoundary right, double xM)
    {
        double slope = 0.5 * (left.SlopeAt(xM) + right.SlopeAt(xM));
        return (left.YAtM(xM) - right.YAtM(xM)) / Math.Sqrt(1 + (slope * slope));
    }

    /// <summary>Writable storage for the fitter; publish with <see cref="Commit"/>.</summary>
    internal Span<LaneBoundary> BoundariesForWrite => _boundaries;

    internal void Clear()
    {
        BoundaryCount = 0;
        InferredBoundaryCount = 0;
        EgoLaneIndex = -1;
        Confidence = 0;
        QueryXMinM = 0;
        QueryXMaxM = 0;
    }

    /// <summary>Publishes the first <paramref name="boundaryCount"/> boundaries written, all measured (see the overload).</summary>
    internal void Commit(int boundaryCount, double queryXMinM, double queryXMaxM) => Commit(boundaryCount, 0, queryXMinM, queryXMaxM);

    /// <summary>
    /// Publishes the first <paramref name="boundaryCount"/> boundaries written (sorted left to right, ≥ 2;
    /// <paramref name="inferredCount"/> of them inferred) and finds the ego lane.
    /// </summary>
    internal void Commit(int boundaryCount, int inferredCount, double queryXMinM, double queryXMaxM)
    {
        BoundaryCount = boundaryCount;
        InferredBoundaryCount = inferredCount;
        QueryXMinM = queryXMinM;
        QueryXMaxM = queryXMaxM;
        EgoLaneIndex = -1;
        for (int lane = 0; lane < LaneCount; lane++)
        {
            if (_boundaries[lane].C0 >= 0 && _boundaries[lane + 1].C0 < 0)
            {
                EgoLaneIndex = lane;
                break;
            }
        }
    }

    internal void SetConfidence(double confidence) => Confidence = IsValid ? Math.Clamp(confidence, 0, 1) : 0;

    private void CheckLane(int lane)
    {
        if ((uint)lane >= (uint)LaneCount)
        {
            throw new ArgumentOutOfRangeException(nameof(lane), lane, $"lane must be in 0..{LaneCount - 1} (lanes fitted: {LaneCount})");
        }
    }
}
