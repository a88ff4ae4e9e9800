using Octopilot.Inference.Perception;

namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// Gives foreign detections a range (<see cref="Detection.DepthM"/>, camera z) better than the ground-contact cast:
/// <list type="number">
/// <item>With a depth head: the median of the valid depth-map cells under the box's lower middle (the central half of
/// its width, the lower half of its height: the object's own surface, not the road or sky around it).</item>
/// <item>Else, with the camera's fy and a class size prior: fy·H / h from the box height (the near face's depth) plus half
/// the class length (to the centre, which is what DepthM means) — skipped for boxes that touch the top or bottom of the
/// frame (their height is cut).</item>
/// <item>Else nothing: <see cref="RangeSource.GroundContact"/>, the BEV projector casts the contact point.</item>
/// </list>
/// The source is recorded in <see cref="Detection.Range"/>; a detection the model already ranged is left alone.
/// Allocation-free; one instance per engine.
/// </summary>
public sealed class DetectionRangeRefiner
{
    /// <summary>Most map cells the median looks at (a box covering more is sampled on a coarser lattice).</summary>
    private const int MaxSamples = 256;

    /// <summary>A box within this many pixels of the top or bottom frame edge is taken as cut there.</summary>
    private const float EdgeMarginPx = 1f;

    private readonly (double HeightM, double LengthM)[] _classSize;
    private readonly double[] _focalYPx;
    private readonly int _frameHeightPx;
    private readonly float[] _samples = new float[MaxSamples];

    /// <param name="classSize">Prior height and length per class index (NaN: none); see <see cref="ClassSizePriors"/>.</param>
    /// <param name="focalYPx">Per camera fy in frame pixels (NaN or empty: unknown, no size prior).</param>
    /// <param name="frameHeightPx">Frame height, for the cut-box test.</param>
    public DetectionRangeRefiner((double HeightM, double LengthM)[] classSize, IReadOnlyList<double> focalYPx, int frameHeightPx)
    {
        _classSize = classSize;
        _focalYPx = focalYPx.ToArray();
        _frameHeightPx = frameHeightPx;
    }

    /// <summary>
    /// Sets the range of each detection of camera <paramref name="camera"/> in place. <paramref name="depthMapM"/> is the
    /// camera's runtime depth map (<paramref name="mapWidth"/> × <paramref name="mapHeight"/> cells of
    /// <paramref name="stridePx"/>, 0 = invalid), or empty without a depth head.
    /// </summary>
    public void Refine(Span<Detection> detections, int camera, ReadOnlySpan<float> depthMapM, int mapWidth, int mapHeight, int stridePx)
    {
        double fy = camera < _focalYPx.Length ? _focalYPx[camera] : double.NaN;
        for (int i = 0; i < detections.Length; i++)
        {
            Detection d = detections[i];
            if (d.Range != RangeSource.GroundContact)
            {
                continue; // the model ranged it itself (the contract's object depth): never overridden
            }

            if (!depthMapM.IsEmpty && TryMedianDepth(d, depthMapM, mapWidth, mapHeight, stridePx, out float depthM))
            {
                detections[i] = d with { DepthM = depthM, Range = RangeSource.DepthMap };
                continue;
            }

            (double heightM, double lengthM) = (uint)d.ClassIndex < (uint)_classSize.Length ? _classSize[d.ClassIndex] : (double.NaN, double.NaN);
            float top = d.CenterVPx - (0.5f * d.HeightPx), bottom = d.CenterVPx + (0.5f * d.HeightPx);
            bool cut = top <= -0.5f + EdgeMarginPx || bottom >= _frameHeightPx - 0.5f - EdgeMarginPx; // pixel centres: the frame spans −0.5 .. h − 0.5
            if (double.IsFinite(fy) && fy > 0 && double.IsFinite(heightM) && d.HeightPx >= 1 && !cut)
            {
                detections[i] = d with { DepthM = (float)((fy * heightM / d.HeightPx) + (0.5 * lengthM)), Range = RangeSource.SizePrior };
            }
        }
    }

    private bool TryMedianDepth(in Detection d, ReadOnlySpan<float> mapM, int mapWidth, int mapHeight, int stridePx, out float depthM)
    {
        // Cell j covers frame pixel edges [j·stride, (j+1)·stride); take cells whose centre lies in the sampled region,
        // which is taken in pixel edges too (the detection holds pixel centres).
        double centreU = PixelConvention.CentreToEdge(d.CenterUPx), centreV = PixelConvention.CentreToEdge(d.CenterVPx);
        double left = centreU - (0.25 * d.WidthPx), right = centreU + (0.25 * d.WidthPx);
        double top = centreV, bottom = centreV + (0.5 * d.HeightPx);
        int i0 = Math.Max(0, (int)Math.Ceiling((left / stridePx) - 0.5)), i1 = Math.Min(mapWidth - 1, (int)Math.Floor((right / stridePx) - 0.5));
        int j0 = Math.Max(0, (int)Math.Ceiling((top / stridePx) - 0.5)), j1 = Math.Min(mapHeight - 1, (int)Math.Floor((bottom / stridePx) - 0.5));
        if (i1 < i0 || j1 < j0)
        {
            // A box smaller than a cell: the cell under its centre.
            i0 = i1 = Math.Clamp((int)(centreU / stridePx), 0, mapWidth - 1);
            j0 = j1 = Math.Clamp((int)((top + (0.25 * d.HeightPx)) / stridePx), 0, mapHeight - 1);
        }

        int cells = (i1 - i0 + 1) * (j1 - j0 + 1);
        int step = 1;
        while (cells / (step * step) > MaxSamples)
        {
            step++;
        }

        int n = 0;
        for (int j = j0; j <= j1 && n < MaxSamples; j += step)
        {
            for (int i = i0; i <= i1 && n < MaxSamples; i += step)
            {
                float v = mapM[(j * mapWidth) + i];
                if (v > 0 && float.IsFinite(v))
                {
                    _samples[n++] = v;
                }
            }
        }

        if (n == 0)
        {
            depthM = 0;
            return false;
        }

        Span<float> values = _samples.AsSpan(0, n);
        values.Sort();
        depthM = (n & 1) == 1 ? values[n / 2] : 0.5f * (values[(n / 2) - 1] + values[n / 2]);
        return true;
    }
}
