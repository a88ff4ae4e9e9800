using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Turns one image's depth output ([1, h, w] or [h, w], any resolution) into metres along the optical axis over a grid
/// of the camera frame. Per output pixel: <see cref="DepthEncoding.Metric"/> m = v; <see cref="DepthEncoding.Inverse"/>
/// m = 1/v; <see cref="DepthEncoding.Scaled"/> m = v·scale. A pixel is invalid when v is not finite or m is not a finite
/// number > 0 (so v ≤ 0 under Inverse, and a v so small that 1/v overflows, are invalid, never +∞). Metres are then
/// sampled bilinearly (see <see cref="MapResampler"/>); a cell that blends an invalid pixel with a non-zero weight is
/// written <see cref="InvalidDepthM"/> and counted, so the output never holds NaN or ∞. Consumers must treat
/// <see cref="InvalidDepthM"/> as "no depth". Allocation-free per decode; not thread-safe (one scratch plane).
/// </summary>
public sealed class DepthDecoder
{
    /// <summary>
    /// Written where there is no valid depth (invalid pixels, and cells outside the model input). 0 m: a depth no real
    /// point has (every valid cell is > 0), finite, and what the contract's own maps read as "nothing".
    /// </summary>
    public const float InvalidDepthM = 0f;

    private readonly FrameInputGeometry _geometry;
    private readonly DepthEncoding _encoding;
    private readonly float _scale;
    private readonly float[] _metres;

    /// <param name="spec">The head: encoding and scale (the scale is used by <see cref="DepthEncoding.Scaled"/> only).</param>
    /// <param name="outputShape">The output's shape for one image (batch axis dropped): [1, h, w] or [h, w].</param>
    /// <param name="geometry">Frame, model input and the mapping between them.</param>
    /// <param name="runtimeGrid">The runtime map grid <see cref="Decode(ReadOnlySpan{float}, Span{float})"/> writes.</param>
    public DepthDecoder(DepthHeadSpec spec, ReadOnlySpan<int> outputShape, FrameInputGeometry geometry, MapGrid runtimeGrid)
    {
        FrameInputGeometry.ThrowIfDefault(geometry, nameof(geometry));
        bool shapeOk = (outputShape.Length == 3 && outputShape[0] == 1) || outputShape.Length == 2;
        int height = shapeOk ? outputShape[^2] : 0, width = shapeOk ? outputShape[^1] : 0;
        if (!shapeOk || height <= 0 || width <= 0)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape), $"depth output '{spec.Output}' shape {ForeignHeadThrowHelper.Dims(outputShape)}",
                "one image's depth map is [1, h, w] or [h, w] with h, w > 0; drop the batch axis and resolve symbolic dims");
        }

        if (spec.Encoding == DepthEncoding.Scaled && !(float.IsFinite(spec.Scale) && spec.Scale > 0))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(spec), ForeignHeadThrowHelper.Format($"depth output '{spec.Output}' scale {spec.Scale}"), "a scaled depth needs a finite scale > 0 (metres per unit)");
        }

        _geometry = geometry;
        _encoding = spec.Encoding;
        _scale = spec.Scale;
        OutputWidth = width;
        OutputHeight = height;
        ElementsPerImage = width * height;
        _metres = new float[ElementsPerImage];
        RuntimeResampler = CreateResampler(runtimeGrid);
    }

    /// <summary>Values of one image's output: slice image b as <c>output.Slice(b·ElementsPerImage, ElementsPerImage)</c>.</summary>
    public int ElementsPerImage { get; }

    public int OutputWidth { get; }

    public int OutputHeight { get; }

    public MapResampler RuntimeResampler { get; }

    /// <summary>A sampling plan for another grid over the frame; allocates its tables once.</summary>
    public MapResampler CreateResampler(MapGrid grid) => new(grid, _geometry, OutputWidth, OutputHeight);

    /// <summary>Writes the runtime depth map (metres, row-major) from one image's output.</summary>
    public MapDecodeResult Decode(ReadOnlySpan<float> output, Span<float> mapM) => Decode(output, RuntimeResampler, mapM);

    /// <summary>Writes the depth map (metres, row-major) of <paramref name="resampler"/>'s grid from one image's output.</summary>
    public MapDecodeResult Decode(ReadOnlySpan<float> output, MapResampler resampler, Span<float> destinationM)
    {
        resampler.CheckDecode(nameof(DepthDecoder), output.Length, ElementsPerImage, "h·w of one image", OutputWidth, OutputHeight, destinationM.Length, nameof(destinationM));

        int invalidPixels = 0;
        ReadOnlySpan<int> columns = resampler.NeededColumns;
        foreach (int y in resampler.NeededRows)
        {
            int rowStart = y * OutputWidth;
            foreach (int x in columns)
            {
                int pixel = rowStart + x;
                float metres = ToMetres(output[pixel]);
                if (!(float.IsFinite(metres) && metres > 0))
                {
                    invalidPixels++;
                    metres = InvalidDepthM;
                }

                _metres[pixel] = metres;
            }
        }

        int invalidCells = resampler.Resample(_metres, destinationM, zeroIsInvalid: true);
        return new MapDecodeResult
        {
            CellsOutsideInput = resampler.CellsOutsideInput, InvalidSourcePixels = invalidPixels, InvalidCells = invalidCells,
        };
    }

    private float ToMetres(float value) => _encoding switch
    {
        DepthEncoding.Inverse => 1f / value,
        DepthEncoding.Scaled => value * _scale,
        _ => value,
    };
}
