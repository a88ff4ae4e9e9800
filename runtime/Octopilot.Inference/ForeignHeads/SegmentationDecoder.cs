using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.ForeignHeads;

/// <summary>
/// Turns one image's class-map output ([C, h, w] for <see cref="TensorLayout.Nchw"/>, [h, w, C] for
/// <see cref="TensorLayout.Nhwc"/>, any resolution) into a probability map of the head's channel over a grid of the
/// camera frame. Per output pixel the activation gives p ∈ [0, 1]:
/// <list type="bullet">
/// <item><see cref="SegmentationActivation.Probabilities"/>: the channel's value, clamped to [0, 1].</item>
/// <item><see cref="SegmentationActivation.Softmax"/>: exp(x_c − m) / Σ_k exp(x_k − m) with m the pixel's max (never overflows).</item>
/// <item><see cref="SegmentationActivation.Sigmoid"/>: 1 / (1 + exp(−x_c)), evaluated without overflow.</item>
/// <item><see cref="SegmentationActivation.Argmax"/>: 1 where the channel is the first maximum over C (ties go to the
/// lowest index), else 0; with C = 1 the output is a class-index map and p = 1 where the value equals the channel.</item>
/// </list>
/// Then each grid cell samples p bilinearly (see <see cref="MapResampler"/>); with Argmax a cell on a class boundary gets
/// the blended fraction (≥ 0.5 reads as the nearest output pixel's class). A pixel whose values the activation reads
/// are not all finite counts as p = 0 and is reported (<see cref="MapDecodeResult.InvalidSourcePixels"/>).
/// Only the output pixels some cell reads are activated. Plans and scratch are built once; a decode allocates nothing.
/// Not thread-safe: one decode at a time per instance (it reuses a scratch plane).
/// </summary>
public sealed class SegmentationDecoder
{
    private readonly FrameInputGeometry _geometry;
    private readonly SegmentationActivation _activation;
    private readonly int _channel;
    private readonly int _channels;
    private readonly int _pixelStep;
    private readonly int _channelStep;
    private readonly float[] _probability;

    /// <param name="spec">The head: activation, channel, layout.</param>
    /// <param name="outputShape">The output's shape for one image (batch axis dropped): [C, h, w] or [h, w, C] per the spec's layout.</param>
    /// <param name="geometry">Frame, model input and the mapping between them.</param>
    /// <param name="runtimeGrid">The runtime map grid <see cref="Decode(ReadOnlySpan{float}, Span{float})"/> writes.</param>
    public SegmentationDecoder(SegmentationHeadSpec spec, ReadOnlySpan<int> outputShape, FrameInputGeometry geometry, MapGrid runtimeGrid)
    {
        FrameInputGeometry.ThrowIfDefault(geometry, nameof(geometry));
        if (outputShape.Length != 3)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape), $"segmentation output '{spec.Output}' shape {ForeignHeadThrowHelper.Dims(outputShape)}",
                "one image's class map has 3 axes ([C, h, w] for NCHW, [h, w, C] for NHWC); drop the batch axis");
        }

        (int channels, int height, int width) = spec.Layout == TensorLayout.Nchw
            ? (outputShape[0], outputShape[1], outputShape[2])
            : (outputShape[2], outputShape[0], outputShape[1]);
        if (channels <= 0 || height <= 0 || width <= 0 || (long)channels * height * width > Array.MaxLength)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(outputShape), $"segmentation output '{spec.Output}' shape {ForeignHeadThrowHelper.Dims(outputShape)}",
                "every axis must be > 0 (resolve symbolic dims first) and the tensor must fit an array");
        }

        bool classIndexMap = spec.Activation == SegmentationActivation.Argmax && channels == 1;
        if (spec.Channel < 0 || (!classIndexMap && spec.Channel >= channels))
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(spec), ForeignHeadThrowHelper.Format($"segmentation output '{spec.Output}' channel {spec.Channel} with C = {channels}"),
                "the channel must be in [0, C) (or ≥ 0, a class index, for an argmax class-index map with C = 1)");
        }

        if (spec.Activation == SegmentationActivation.Softmax && channels < 2)
        {
            ForeignHeadThrowHelper.ThrowPlan(
                nameof(spec), ForeignHeadThrowHelper.Format($"segmentation output '{spec.Output}' softmax over C = {channels}"),
                "softmax needs at least 2 channels (over one channel it is 1 everywhere); use sigmoid for a single logit");
        }

        _geometry = geometry;
        _activation = spec.Activation;
        _channel = spec.Channel;
        _channels = channels;
        OutputWidth = width;
        OutputHeight = height;
        ElementsPerImage = channels * height * width;
        (_pixelStep, _channelStep) = spec.Layout == TensorLayout.Nchw ? (1, height * width) : (channels, 1);
        _probability = new float[height * width];
        RuntimeResampler = CreateResampler(runtimeGrid);
    }

    /// <summary>Values of one image's output: slice image b as <c>output.Slice(b·ElementsPerImage, ElementsPerImage)</c>.</summary>
    public int ElementsPerImage { get; }

    public int OutputWidth { get; }

    public int OutputHeight { get; }

    /// <summary>The runtime map's sampling plan.</summary>
    public MapResampler RuntimeResampler { get; }

    /// <summary>A sampling plan for another grid over the frame (a PNG mask at image resolution); allocates its tables once.</summary>
    public MapResampler CreateResampler(MapGrid grid) => new(grid, _geometry, OutputWidth, OutputHeight);

    /// <summary>Writes the runtime map (row-major, RuntimeResampler.Grid.CellCount values) from one image's output.</summary>
    public MapDecodeResult Decode(ReadOnlySpan<float> output, Span<float> map) => Decode(output, RuntimeResampler, map);

    /// <summary>Writes the map of <paramref name="resampler"/>'s grid (row-major, Grid.CellCount values) from one image's output.</summary>
    public MapDecodeResult Decode(ReadOnlySpan<float> output, MapResampler resampler, Span<float> destination)
    {
        resampler.CheckDecode(nameof(SegmentationDecoder), output.Length, ElementsPerImage, "C·h·w of one image", OutputWidth, OutputHeight, destination.Length, nameof(destination));

        int nonFinite = 0;
        ReadOnlySpan<int> columns = resampler.NeededColumns;
        foreach (int y in resampler.NeededRows)
        {
            int rowStart = y * OutputWidth;
            foreach (int x in columns)
            {
                int pixel = rowStart + x;
                float p = Probability(output, pixel * _pixelStep);
                if (float.IsNaN(p))
                {
                    nonFinite++;
                    p = 0;
                }

                _probability[pixel] = p;
            }
        }

        resampler.Resample(_probability, destination, zeroIsInvalid: false);
        return new MapDecodeResult { CellsOutsideInput = resampler.CellsOutsideInput, InvalidSourcePixels = nonFinite };
    }

    /// <summary>p of the head's channel at the pixel whose channel 0 is at <paramref name="first"/>; NaN when a value read is not finite.</summary>
    private float Probability(ReadOnlySpan<float> output, int first)
    {
        int step = _channelStep;
        switch (_activation)
        {
            case SegmentationActivation.Probabilities:
            {
                float v = output[first + (_channel * step)];
                return float.IsFinite(v) ? Math.Clamp(v, 0f, 1f) : float.NaN;
            }

            case SegmentationActivation.Sigmoid:
            {
                float v = output[first + (_channel * step)];
                return float.IsFinite(v) ? Sigmoid(v) : float.NaN;
            }

            case SegmentationActivation.Softmax:
            {
                float max = float.NegativeInfinity;
                for (int c = 0, i = first; c < _channels; c++, i += step)
                {
                    float v = output[i];
                    if (!float.IsFinite(v))
                    {
                        return float.NaN;
                    }

                    max = Math.Max(max, v);
                }

                float sum = 0, target = 0;
                for (int c = 0, i = first; c < _channels; c++, i += step)
                {
                    float e = MathF.Exp(output[i] - max);
                    sum += e;
                    target = c == _channel ? e : target;
                }

                return target / sum;
            }

            default:
            {
                if (_channels == 1)
                {
                    float v = output[first];
                    return float.IsFinite(v) ? (v == _channel ? 1f : 0f) : float.NaN;
                }

                int best = 0;
                float bestValue = float.NegativeInfinity;
                for (int c = 0, i = first; c < _channels; c++, i += step)
                {
                    float v = output[i];
                    if (!float.IsFinite(v))
                    {
                        return float.NaN;
                    }

                    if (v > bestValue)
                    {
                        (best, bestValue) = (c, v);
                    }
                }

                return best == _channel ? 1f : 0f;
            }
        }
    }

    /// <summary>σ(x) without overflow: exp of a non-positive number only.</summary>
    internal static float Sigmoid(float x)
    {
        if (x >= 0)
        {
            return 1f / (1f + MathF.Exp(-x));
        }

        float e = MathF.Exp(x);
        return e / (1f + e);
    }
}
