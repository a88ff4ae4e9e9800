using Octopilot.Fusion.Bev;

namespace Octopilot.Fusion.Lanes;

/// <summary>
/// Fits lane boundaries to the fused lane-marking layer of a <see cref="BevLayers"/>:
/// <list type="number">
/// <item>per x slice of the fit window, the mean marking probability of each lateral column over its known cells, and
/// its peaks (runs above the threshold, widened down their flanks, probability-weighted centroid in y);</item>
/// <item>association: slices are walked outward from x = 0 (0, +1, −1, +2, …); each peak joins the boundary track whose
/// running weighted polynomial predicts it within the gate, or starts a track;</item>
/// <item>per track a weighted least-squares polynomial (order reduced on a short support), one outlier pass, merging
/// of tracks that describe one line, and a support filter;</item>
/// <item>boundaries sorted left to right, the weaker of two closer than a lane dropped, and the run of consecutive
/// plausible lanes around the ego (else the longest) kept;</item>
/// <item>when the ego lane has only one boundary, the other inferred one lane width away (single-line fallback);</item>
/// <item>the kept boundaries refitted jointly as parallel curves (own offset, shared heading and curvature), each lane's
/// width pulled toward the previous fit's (a temporal prior: the fitter keeps the last fit; <see cref="Reset"/>);</item>
/// <item>each measured boundary's marking: solid or dashed from the solid-lines layer at its supporting peaks when the
/// model has that head (<see cref="LaneMarkingSource.SolidLinesHead"/>), else from its support coverage.</item>
/// </list>
/// Unknown cells contribute nothing; a peak touching an unknown column is dropped (its centroid would be cut). Dashed
/// lines and occlusions only thin a track's support. Everything is preallocated in the constructor: <see cref="Fit"/>
/// allocates nothing. One instance per thread (scratch state and the previous fit); the options and grid are immutable.
/// Call <see cref="Fit"/> once per set in time order; <see cref="Reset"/> when the sequence breaks (a jump in time or place).
/// </summary>
public sealed partial class LaneFitter
{
    /// <summary>Peaks kept per slice: the default grid's 40 m holds at most ~11 lines of a 3.6 m lane pattern, plus clutter.</summary>
    public const int MaxPeaksPerSlice = 24;

    private readonly int _sliceCount;
    private readonly int[] _sliceIxStart;
    private readonly int[] _sliceIxEnd;
    private readonly double[] _sliceXM;
    private readonly int[] _walkOrder;

    private readonly float[] _profile;
    private readonly bool[] _profileKnown;
    private readonly int[] _profileCounts;
    private readonly double[] _peakY;
    private readonly double[] _peakWeight;
    private readonly int[] _peakCount;
    private readonly int[] _peakTrack;

    private readonly LaneTrack[] _tracks;
    private readonly double[] _predictedY;
    private readonly double[] _gateM;
    private readonly int[] _claimedBy;
    private readonly int[] _order;
    private readonly LaneTrack _mergeScratch;
    private readonly int _maxTracks;
    private readonly double[] _previousC0M;
    private int _trackCount;

    public LaneFitter(BevGridOptions grid, LaneFitOptions options)
    {
        ArgumentNullException.ThrowIfNull(grid);
        ArgumentNullException.ThrowIfNull(options);
        grid.Validate();
        options.Validate();
        Grid = grid;
        Options = options;

        _sliceCount = (int)Math.Ceiling(((options.FitXMaxM - options.FitXMinM) / options.SliceLengthM) - 1e-9);
        _sliceIxStart = new int[_sliceCount];
        _sliceIxEnd = new int[_sliceCount];
        _sliceXM = new double[_sliceCount];
        BuildSlices();
        _walkOrder = new int[_sliceCount];
        BuildWalkOrder();

        _profile = new float[grid.CellsY];
        _profileKnown = new bool[grid.CellsY];
        _profileCounts = new int[grid.CellsY];
        _peakY = new double[_sliceCount * MaxPeaksPerSlice];
        _peakWeight = new double[_sliceCount * MaxPeaksPerSlice];
        _peakCount = new int[_sliceCount];
        _peakTrack = new int[MaxPeaksPerSlice];

        // Four hypotheses per reportable boundary leave room for clutter and fragments.
        // One slot more (the last) for the boundary inferred by the single-line fallback.
        int maxTracks = 4 * options.MaxBoundaries;
        _maxTracks = maxTracks;
        _tracks = new LaneTrack[maxTracks + 1];
        for (int t = 0; t <= maxTracks; t++)
        {
            _tracks[t] = new LaneTrack(2 * _sliceCount); // one peak per slice, twice over after merging overlapping tracks
        }

        _mergeScratch = new LaneTrack(4 * _sliceCount);
        _predictedY = new double[maxTracks];
        _gateM = new double[maxTracks];
        _claimedBy = new int[maxTracks];
        _order = new int[maxTracks + 1];
        _previousC0M = new double[options.MaxBoundaries];
        Reset();
    }

    public BevGridOptions Grid { get; }

    public LaneFitOptions Options { get; }

    /// <summary>Slices in the fit window (some may lie outside the grid and stay empty).</summary>
    public int SliceCount => _sliceCount;

    /// <summary>Boundary hypotheses held at once during a fit; peaks beyond them are dropped.</summary>
    public int MaxTracks => _maxTracks;

    /// <summary>An estimate sized for this fitter (allocate once at start-up, reuse for every fit).</summary>
    public LaneEstimate CreateEstimate() => new(Options.MaxBoundaries);

    /// <summary>
    /// Overwrites <paramref name="result"/> with the lanes of <paramref name="layers"/> (lanes layer and its known flags,
    /// the solid-lines layer for the markings;
    /// read only during the call). The layers must be on this fitter's grid and the estimate must hold
    /// <see cref="LaneFitOptions.MaxBoundaries"/> boundaries (both checked). No lane found: <see cref="LaneEstimate.IsValid"/>
    /// false, confidence 0. The previous call's result is this call's prior (lane widths; the width for a single-line
    /// fallback), so call it once per set in time order. Allocates nothing.
    /// </summary>
    public void Fit(BevLayers layers, LaneEstimate result)
    {
        ArgumentNullException.ThrowIfNull(layers);
        ArgumentNullException.ThrowIfNull(result);
        if (layers.Grid != Grid)
        {
            throw new ArgumentException($"Lane fit: layers must be on the fitter's grid (got {layers.CellCount} cells of {layers.Grid.CellSizeM} m, fitter {Grid.CellCount} of {Grid.CellSizeM} m)", nameof(layers));
        }

        if (result.Capacity < Options.MaxBoundaries)
        {
            throw new ArgumentException($"Lane fit: estimate must hold {Options.MaxBoundaries} boundaries (MaxLanes + 1), holds {result.Capacity}", nameof(result));
        }

        result.Clear();
        FindAllPeaks(layers.Lanes, layers.LanesKnown);
        AssociatePeaks();
        FitTracks();
        int kept = SelectBoundaries();
        if (kept >= 2)
        {
            FitJointly(kept);
            Publish(result, kept, layers);
        }

        Remember(result);
    }

    /// <summary>Forgets the previous fit: the next <see cref="Fit"/> uses no prior (as after construction).</summary>
    public void Reset()
    {
        _previousCount = 0;
        _previousEgoWidthM = double.NaN;
    }

    /// <summary>Slice s covers x in [FitXMinM + s·L, FitXMinM + (s+1)·L): the grid columns whose centres fall inside.</summary>
    private void BuildSlices()
    {
        for (int s = 0; s < _sliceCount; s++)
        {
            double x0 = Options.FitXMinM + (s * Options.SliceLengthM);
            double x1 = Math.Min(x0 + Options.SliceLengthM, Options.FitXMaxM);
            int start = (int)Math.Ceiling(((x0 - Grid.XMinM) / Grid.CellSizeM) - 0.5);
            int end = (int)Math.Ceiling(((x1 - Grid.XMinM) / Grid.CellSizeM) - 0.5);
            start = Math.Clamp(start, 0, Grid.CellsX);
            end = Math.Clamp(end, start, Grid.CellsX);
            _sliceIxStart[s] = start;
            _sliceIxEnd[s] = end;
            _sliceXM[s] = end > start ? 0.5 * (Grid.CellCentreXM(start) + Grid.CellCentreXM(end - 1)) : 0.5 * (x0 + x1);
        }
    }

    /// <summary>Slices ordered by distance from x = 0, ahead first on ties: 0, +1, −1, +2, −2, …</summary>
    private void BuildWalkOrder()
    {
        int origin = Math.Clamp((int)Math.Floor((0 - Options.FitXMinM) / Options.SliceLengthM), 0, _sliceCount - 1);
        int written = 0;
        _walkOrder[written++] = origin;
        for (int step = 1; written < _sliceCount; step++)
        {
            if (origin + step < _sliceCount)
            {
                _walkOrder[written++] = origin + step;
            }

            if (origin - step >= 0)
            {
                _walkOrder[written++] = origin - step;
            }
        }
    }
}
