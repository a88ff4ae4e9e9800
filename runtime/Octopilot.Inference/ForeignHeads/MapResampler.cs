namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Precomputed bilinear sampling of one model output plane (<see cref="SourceWidth"/> × <see cref="SourceHeight"/>,
/// covering the model input uniformly: output pixel k's centre is at input (k + 0.5)·inputW/w) at the cells of a
/// <see cref="MapGrid"/> over the camera frame: each cell's centre goes through the <see cref="InputFrameMapping"/> to
/// the model input and is sampled there (edge values held beyond the outermost pixel centres). Cells off the frame or
/// outside the model input are written 0 (<see cref="CellsOutsideInput"/>). Separable: two small tables per axis.
/// Made by a decoder's <c>CreateResampler</c> (allocates once); immutable, so it may be shared, but the decoders that use it are not thread-safe.
/// </summary>
public sealed class MapResampler
{
    private readonly ResampleAxis _x;
    private readonly ResampleAxis _y;

    internal MapResampler(MapGrid grid, in FrameInputGeometry geometry, int sourceWidth, int sourceHeight)
    {
        Grid = grid;
        SourceWidth = sourceWidth;
        SourceHeight = sourceHeight;
        InputFrameMapping mapping = geometry.Mapping;
        _x = ResampleAxis.Build(grid.Width, grid.CellWidthPx, geometry.FrameWidthPx, mapping.ScaleX, mapping.OffsetX, geometry.InputWidthPx, sourceWidth);
        _y = ResampleAxis.Build(grid.Height, grid.CellHeightPx, geometry.FrameHeightPx, mapping.ScaleY, mapping.OffsetY, geometry.InputHeightPx, sourceHeight);
        CellsOutsideInput = grid.CellCount - (_x.Inside * _y.Inside);
    }

    public MapGrid Grid { get; }

    /// <summary>Width of the output plane this resampler reads.</summary>
    public int SourceWidth { get; }

    /// <summary>Height of the output plane this resampler reads.</summary>
    public int SourceHeight { get; }

    /// <summary>Cells written 0 because their centre is off the frame or outside the model input; the same for every call.</summary>
    public int CellsOutsideInput { get; }

    /// <summary>Output rows some cell reads (a decoder computes only rows × columns it needs).</summary>
    internal ReadOnlySpan<int> NeededRows => _y.Needed;

    /// <summary>Output columns some cell reads.</summary>
    internal ReadOnlySpan<int> NeededColumns => _x.Needed;

    /// <summary>
    /// The argument checks every map decoder makes before decoding one image's output onto this grid: the output holds
    /// one image (<paramref name="elementsPerImage"/>), this plan reads a plane of the decoder's output size, the
    /// destination holds the grid's cells.
    /// </summary>
    internal void CheckDecode(
        string decoder, int outputLength, int elementsPerImage, string elementsRule, int outputWidth, int outputHeight, int destinationLength,
        string destinationParam)
    {
        if (outputLength != elementsPerImage)
        {
            ForeignHeadThrowHelper.ThrowSpanLength("output", decoder, outputLength, elementsPerImage, elementsRule);
        }

        if (SourceWidth != outputWidth || SourceHeight != outputHeight)
        {
            ForeignHeadThrowHelper.ThrowForeignResampler("resampler", decoder, SourceWidth, SourceHeight, outputWidth, outputHeight);
        }

        if (destinationLength != Grid.CellCount)
        {
            ForeignHeadThrowHelper.ThrowSpanLength(destinationParam, decoder, destinationLength, Grid.CellCount, "the grid's cells");
        }
    }

    /// <summary>
    /// Writes every cell of the grid into <paramref name="destination"/> (row-major, Grid.Width·Grid.Height values) from
    /// <paramref name="plane"/> (row-major SourceWidth·SourceHeight; only the needed rows × columns are read). With
    /// <paramref name="zeroIsInvalid"/>, a cell that blends a 0 with a non-zero weight is written 0 and counted.
    /// </summary>
    /// <returns>Cells written 0 for an invalid tap.</returns>
    internal int Resample(ReadOnlySpan<float> plane, Span<float> destination, bool zeroIsInvalid)
    {
        int width = Grid.Width;
        int invalid = 0;
        int[] xLow = _x.Low, xHigh = _x.High;
        float[] xFraction = _x.Fraction;
        for (int j = 0; j < Grid.Height; j++)
        {
            Span<float> row = destination.Slice(j * width, width);
            if (j < _y.First || j >= _y.End)
            {
                row.Clear();
                continue;
            }

            row[.._x.First].Clear();
            row[_x.End..].Clear();
            ReadOnlySpan<float> top = plane.Slice(_y.Low[j] * SourceWidth, SourceWidth);
            ReadOnlySpan<float> bottom = plane.Slice(_y.High[j] * SourceWidth, SourceWidth);
            float fy = _y.Fraction[j];
            for (int i = _x.First; i < _x.End; i++)
            {
                int x0 = xLow[i], x1 = xHigh[i];
                float fx = xFraction[i];
                float v00 = top[x0], v10 = top[x1], v01 = bottom[x0], v11 = bottom[x1];
                if (zeroIsInvalid && (v00 == 0 || (fx > 0 && v10 == 0) || (fy > 0 && (v01 == 0 || (fx > 0 && v11 == 0)))))
                {
                    row[i] = 0;
                    invalid++;
                    continue;
                }

                float upper = v00 + ((v10 - v00) * fx);
                float lower = v01 + ((v11 - v01) * fx);
                row[i] = upper + ((lower - upper) * fy);
            }
        }

        return invalid;
    }
}
