using System.Globalization;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Preprocessing;

/// <summary>
/// Writes one camera frame into one batch slot of a foreign model's input tensor, as the model's manifest input asks:
/// spatial fit and bilinear resampling, channel order, value scaling, layout and element type, in one pass.
/// <para>
/// In: a frame-slab slot, RGB uint8 interleaved (HWC), <see cref="FrameWidthPx"/> × <see cref="FrameHeightPx"/>, rows of
/// width·3 bytes. Out: image <c>batchIndex</c> of a <see cref="BatchSize"/>-image tensor of
/// <see cref="InputWidthPx"/> × <see cref="InputHeightPx"/> × 3 elements in <see cref="Layout"/> and
/// <see cref="ElementType"/>. Value of output channel c = x·scale[c] + bias[c] (<see cref="InputScaling.ScaleAt"/>,
/// <see cref="InputScaling.BiasAt"/>) where x is the resampled frame byte of the channel the model's order puts there.
/// Letterbox bars hold <see cref="ManifestInput.FillValue"/> scaled the same way (the fill is a frame byte value).
/// </para>
/// <para>
/// Geometry: <see cref="Fit"/> (<see cref="FrameFit.For"/>), half-pixel centres (OpenCV <c>INTER_LINEAR</c> /
/// PyTorch <c>align_corners=False</c>, without antialiasing: a downscale by more than 2 skips pixels, as theirs do).
/// Values are computed in float32; uint8 outputs are rounded half up, so they can differ by 1 from OpenCV's fixed-point
/// resize. When the scaled frame is the frame's own size (same size, any fit) pixels are copied, never blended.
/// </para>
/// <para>
/// Cost: everything that does not depend on pixel values (taps, weights, bars, channel map, scale) is computed here
/// once. A call allocates nothing: per content row it blends the two source rows vertically into a float row (vectorised),
/// then one loop gathers, blends horizontally, reorders, scales and stores each output pixel into the layout.
/// </para>
/// <para>
/// Threads: one call at a time per instance (it owns one float row of scratch); to prepare cameras in parallel give each
/// thread its own instance. The spans are read and written only during the call; nothing is kept.
/// </para>
/// </summary>
public sealed partial class FramePreprocessor
{
    private const int Channels = 3;

    private readonly int _frameRowBytes;
    private readonly int _elementsPerImage;

    // Where output channel c of a pixel goes: pixel x of row y of channel c is at y·_rowStride + x·_pixelStride + c·_channelStride.
    private readonly int _rowStride;
    private readonly int _pixelStride;
    private readonly int _channelStride;

    // Per output channel: which frame channel it takes (RGB or BGR order), and the affine value map.
    private readonly int _source0, _source1, _source2;
    private readonly float _scale0, _scale1, _scale2;
    private readonly float _bias0, _bias1, _bias2;
    private readonly float _fill0, _fill1, _fill2;

    private readonly ResampleAxis _columns;
    private readonly ResampleAxis _rows;

    // Bilinear path: the part of each source row the taps touch, and per content column the byte offset of its first tap
    // inside that part (so a tap reads _blendedRow[offset + channel] and _blendedRow[offset + 3 + channel]).
    private readonly int _sourceStartByte;
    private readonly int[] _columnTapOffsets;
    private readonly float[] _blendedRow;

    // float16 only: one content row in float32 before its vectorised conversion.
    private readonly float[] _halfRowScratch;

    // Copy path (scaled frame = frame size): content pixel (x, y) is frame pixel (x − _copyShiftX, y − _copyShiftY).
    private readonly bool _copyPath;
    private readonly int _copyShiftX, _copyShiftY;

    /// <summary>
    /// Precomputes the whole path for frames of <paramref name="frameWidthPx"/> × <paramref name="frameHeightPx"/> into a
    /// model input of <paramref name="inputWidthPx"/> × <paramref name="inputHeightPx"/> with <paramref name="batchSize"/>
    /// images. Refuses (naming the rule and the values): a frame under 2×2 px, an input or batch under 1, sizes whose
    /// tensor would exceed 2³¹ − 1 elements, a manifest size that disagrees with the input size given, an unknown enum
    /// value, scaling without 3 finite non-zero divisors and 3 finite offsets, and uint8 input with any scaling but
    /// identity (a byte cannot hold a scaled value).
    /// </summary>
    public FramePreprocessor(ManifestInput input, int frameWidthPx, int frameHeightPx, int inputWidthPx, int inputHeightPx, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(input);
        PreprocessorThrowHelper.ThrowIfBelow(frameWidthPx, 2, nameof(frameWidthPx), "a camera frame must be at least 2 px wide (bilinear taps)");
        PreprocessorThrowHelper.ThrowIfBelow(frameHeightPx, 2, nameof(frameHeightPx), "a camera frame must be at least 2 px high (bilinear taps)");
        PreprocessorThrowHelper.ThrowIfBelow(inputWidthPx, 1, nameof(inputWidthPx), "a model input must be at least 1 px wide");
        PreprocessorThrowHelper.ThrowIfBelow(inputHeightPx, 1, nameof(inputHeightPx), "a model input must be at least 1 px high");
        PreprocessorThrowHelper.ThrowIfBelow(batchSize, 1, nameof(batchSize), "a model input tensor holds at least 1 image");
        if ((long)frameWidthPx * frameHeightPx * Channels > int.MaxValue)
        {
            PreprocessorThrowHelper.ThrowArgument(nameof(frameWidthPx), string.Create(CultureInfo.InvariantCulture,
                $"a {frameWidthPx}x{frameHeightPx} RGB frame is over {int.MaxValue} bytes: a span cannot hold it"));
        }

        if ((long)inputWidthPx * inputHeightPx * Channels * batchSize > int.MaxValue)
        {
            PreprocessorThrowHelper.ThrowArgument(nameof(batchSize), string.Create(CultureInfo.InvariantCulture,
                $"{batchSize} images of {inputWidthPx}x{inputHeightPx}x3 are over {int.MaxValue} elements: a span cannot hold the tensor"));
        }

        CheckManifestSize(input.WidthPx, inputWidthPx, "WidthPx", nameof(inputWidthPx));
        CheckManifestSize(input.HeightPx, inputHeightPx, "HeightPx", nameof(inputHeightPx));
        CheckDefined(input.Layout, "input.Layout");
        CheckDefined(input.ElementType, "input.ElementType");
        CheckDefined(input.ColourOrder, "input.ColourOrder");
        CheckDefined(input.Fit, "input.Fit");
        CheckScaling(input.Scaling, input.ElementType);

        FrameWidthPx = frameWidthPx;
        FrameHeightPx = frameHeightPx;
        InputWidthPx = inputWidthPx;
        InputHeightPx = inputHeightPx;
        BatchSize = batchSize;
        Layout = input.Layout;
        ElementType = input.ElementType;
        Fit = FrameFit.For(input.Fit, frameWidthPx, frameHeightPx, inputWidthPx, inputHeightPx);

        _frameRowBytes = frameWidthPx * Channels;
        _elementsPerImage = inputWidthPx * inputHeightPx * Channels;
        (_rowStride, _pixelStride, _channelStride) = input.Layout == TensorLayout.Nchw
            ? (inputWidthPx, 1, inputWidthPx * inputHeightPx)
            : (inputWidthPx * Channels, Channels, 1);

        bool bgr = input.ColourOrder == ColourOrder.Bgr;
        (_source0, _source1, _source2) = bgr ? (2, 1, 0) : (0, 1, 2);
        (_scale0, _scale1, _scale2) = (input.Scaling.ScaleAt(0), input.Scaling.ScaleAt(1), input.Scaling.ScaleAt(2));
        (_bias0, _bias1, _bias2) = (input.Scaling.BiasAt(0), input.Scaling.BiasAt(1), input.Scaling.BiasAt(2));
        float fill = input.FillValue;
        (_fill0, _fill1, _fill2) = ((fill * _scale0) + _bias0, (fill * _scale1) + _bias1, (fill * _scale2) + _bias2);

        int offsetX = (int)Fit.OffsetXPx;
        int offsetY = (int)Fit.OffsetYPx;
        _columns = ResampleAxis.Build(frameWidthPx, inputWidthPx, Fit.ScaledWidthPx, offsetX);
        _rows = ResampleAxis.Build(frameHeightPx, inputHeightPx, Fit.ScaledHeightPx, offsetY);

        _copyPath = Fit.ScaledWidthPx == frameWidthPx && Fit.ScaledHeightPx == frameHeightPx;
        (_copyShiftX, _copyShiftY) = (offsetX, offsetY);

        int[] source0 = _columns.Source0;
        _sourceStartByte = source0[0] * Channels;
        int sourceEndByte = (source0[^1] + 2) * Channels;
        _columnTapOffsets = new int[source0.Length];
        for (int i = 0; i < source0.Length; i++)
        {
            _columnTapOffsets[i] = (source0[i] * Channels) - _sourceStartByte;
        }

        _blendedRow = _copyPath ? [] : new float[sourceEndByte - _sourceStartByte];
        _halfRowScratch = input.ElementType == InputElementType.Float16 ? new float[(_columns.ContentEnd - _columns.ContentStart) * Channels] : [];
    }

    /// <summary>
    /// The preprocessor of a checked manifest (<see cref="ManifestBinding"/>: concrete input size, images per run) for
    /// frames of <paramref name="frameWidthPx"/> × <paramref name="frameHeightPx"/>.
    /// </summary>
    public static FramePreprocessor For(ManifestBinding binding, int frameWidthPx, int frameHeightPx)
    {
        ArgumentNullException.ThrowIfNull(binding);
        return new FramePreprocessor(binding.Input, frameWidthPx, frameHeightPx, binding.InputWidthPx, binding.InputHeightPx, binding.ImagesPerRun);
    }

    public int FrameWidthPx { get; }

    public int FrameHeightPx { get; }

    public int InputWidthPx { get; }

    public int InputHeightPx { get; }

    /// <summary>Images in the tensor (N); <c>Write</c> fills one of them.</summary>
    public int BatchSize { get; }

    public TensorLayout Layout { get; }

    public InputElementType ElementType { get; }

    /// <summary>Where the frame lands in the model input; decoders map model-input coordinates back with it.</summary>
    public FrameFit Fit { get; }

    /// <summary>Elements of one image: 3 × input width × input height.</summary>
    public int ElementsPerImage => _elementsPerImage;

    /// <summary>Elements of the whole tensor: <see cref="BatchSize"/> × <see cref="ElementsPerImage"/>.</summary>
    public int TensorElements => BatchSize * _elementsPerImage;

    /// <summary>True when the scaled frame is the frame's own size: pixels are copied, not blended.</summary>
    internal bool UsesCopyPath => _copyPath;

    /// <summary>
    /// Writes <paramref name="frameRgb"/> into image <paramref name="batchIndex"/> of a float32 tensor; the rest of the
    /// tensor is not touched. Throws <see cref="ArgumentException"/> when the preprocessor was built for another element
    /// type, the frame is not exactly one frame, the tensor is shorter than <see cref="TensorElements"/>, or the index is
    /// outside 0..N − 1.
    /// </summary>
    public void Write(ReadOnlySpan<byte> frameRgb, Span<float> tensor, int batchIndex)
    {
        CheckCall(InputElementType.Float32, "float", frameRgb.Length, tensor.Length, batchIndex);
        WriteImage<float, SingleConverter>(frameRgb, tensor, batchIndex);
    }

    /// <summary>As the float32 overload, for a float16 tensor (values are computed in float32, then rounded to half).</summary>
    public void Write(ReadOnlySpan<byte> frameRgb, Span<Half> tensor, int batchIndex)
    {
        CheckCall(InputElementType.Float16, "Half", frameRgb.Length, tensor.Length, batchIndex);
        WriteImage<Half, HalfConverter>(frameRgb, tensor, batchIndex);
    }

    /// <summary>As the float32 overload, for a uint8 tensor (blended values are rounded half up; scaling is identity).</summary>
    public void Write(ReadOnlySpan<byte> frameRgb, Span<byte> tensor, int batchIndex)
    {
        CheckCall(InputElementType.Uint8, "byte", frameRgb.Length, tensor.Length, batchIndex);
        WriteImage<byte, ByteConverter>(frameRgb, tensor, batchIndex);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{FrameWidthPx}x{FrameHeightPx} RGB -> [{BatchSize}] {InputWidthPx}x{InputHeightPx} {Layout} {ElementType} ({Fit}{(_copyPath ? ", copy" : ", bilinear")})");

    private void CheckCall(InputElementType overload, string overloadName, int frameLength, int tensorLength, int batchIndex)
    {
        if (overload != ElementType)
        {
            PreprocessorThrowHelper.ThrowWrongElementType(ElementTypeName(ElementType), overloadName, "tensor");
        }

        if (frameLength != _frameRowBytes * FrameHeightPx)
        {
            PreprocessorThrowHelper.ThrowFrameLength(frameLength, FrameWidthPx, FrameHeightPx, "frameRgb");
        }

        if ((uint)batchIndex >= (uint)BatchSize)
        {
            PreprocessorThrowHelper.ThrowBatchIndex(batchIndex, BatchSize, nameof(batchIndex));
        }

        if (tensorLength < TensorElements)
        {
            PreprocessorThrowHelper.ThrowTensorLength(tensorLength, TensorElements, BatchSize, _elementsPerImage, "tensor");
        }
    }

    private static string ElementTypeName(InputElementType type) => type switch
    {
        InputElementType.Float32 => "float",
        InputElementType.Float16 => "Half",
        _ => "byte",
    };

    private static void CheckManifestSize(int? manifestPx, int inputPx, string manifestName, string name)
    {
        if (manifestPx is int px && px != inputPx)
        {
            PreprocessorThrowHelper.ThrowArgument(name, string.Create(CultureInfo.InvariantCulture,
                $"{name} = {inputPx} but the manifest's input.{manifestName} = {px}: the model input size must agree with the manifest"));
        }
    }

    private static void CheckDefined<T>(T value, string name)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            PreprocessorThrowHelper.ThrowUnknown(name, value);
        }
    }

    private static void CheckScaling(InputScaling scaling, InputElementType elementType)
    {
        ArgumentNullException.ThrowIfNull(scaling);
        if (scaling.Offset is not { Count: Channels } || scaling.Divisor is not { Count: Channels })
        {
            PreprocessorThrowHelper.ThrowArgument("input.Scaling", string.Create(CultureInfo.InvariantCulture,
                $"scaling has {scaling.Offset?.Count ?? 0} offsets and {scaling.Divisor?.Count ?? 0} divisors: it needs one of each per channel (3)"));
        }

        for (int c = 0; c < Channels; c++)
        {
            double divisor = scaling.Divisor[c];
            if (!double.IsFinite(scaling.Offset[c]) || !double.IsFinite(divisor) || divisor == 0)
            {
                PreprocessorThrowHelper.ThrowArgument("input.Scaling", string.Create(CultureInfo.InvariantCulture,
                    $"scaling of channel {c} is (x − {scaling.Offset[c]}) / {divisor}: the offset must be finite and the divisor finite and not 0"));
            }
        }

        if (elementType == InputElementType.Uint8 && !IsIdentity(scaling))
        {
            PreprocessorThrowHelper.ThrowArgument("input.Scaling", string.Create(CultureInfo.InvariantCulture,
                $"a uint8 model input takes frame bytes as they are, but the scaling is offsets [{string.Join(", ", scaling.Offset)}], divisors [{string.Join(", ", scaling.Divisor)}]: use scaling none (offsets 0, divisors 1) or a float input"));
        }
    }

    private static bool IsIdentity(InputScaling scaling)
    {
        for (int c = 0; c < Channels; c++)
        {
            if (scaling.Offset[c] != 0 || scaling.Divisor[c] != 1)
            {
                return false;
            }
        }

        return true;
    }
}
