using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.Tests.Preprocessing;

/// <summary>Bad construction and call arguments are refused with the broken rule and the actual values.</summary>
public sealed class FramePreprocessorArgumentTests
{
    [Theory]
    [InlineData(0, 900, 640, 384, 1, "frameWidthPx = 0")]
    [InlineData(1600, 0, 640, 384, 1, "frameHeightPx = 0")]
    [InlineData(1, 900, 640, 384, 1, "frameWidthPx = 1: a camera frame must be at least 2 px wide")]
    [InlineData(1600, 900, 0, 384, 1, "inputWidthPx = 0: a model input must be at least 1 px wide")]
    [InlineData(1600, 900, 640, 0, 1, "inputHeightPx = 0")]
    [InlineData(1600, 900, 640, 384, 0, "batchSize = 0: a model input tensor holds at least 1 image")]
    [InlineData(1600, 900, -640, 384, 1, "inputWidthPx = -640")]
    public void Constructor_SizeUnderMinimum_IsRefusedNamingIt(int frameW, int frameH, int inputW, int inputH, int batch, string message)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FramePreprocessor(PreprocessingCases.Input(), frameW, frameH, inputW, inputH, batch));

        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TensorOverIntRange_IsRefused()
    {
        var e = Assert.Throws<ArgumentException>(() => new FramePreprocessor(PreprocessingCases.Input(), 1600, 900, 8192, 8192, 16));

        Assert.Contains("16 images of 8192x8192x3 are over 2147483647 elements", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("divide255")]
    [InlineData("meanStd")]
    [InlineData("affine")]
    public void Constructor_UInt8WithScaling_IsRefused(string scaling)
    {
        ManifestInput input = PreprocessingCases.Input(elementType: InputElementType.Uint8, scaling: PreprocessingCases.Scaling(scaling));

        var e = Assert.Throws<ArgumentException>(() => new FramePreprocessor(input, 1600, 900, 640, 384, 1));

        Assert.Contains("a uint8 model input takes frame bytes as they are", e.Message, StringComparison.Ordinal);
        Assert.Contains("use scaling none", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ZeroDivisor_IsRefused()
    {
        ManifestInput input = PreprocessingCases.Input(scaling: new InputScaling([0, 0, 0], [1, 0, 1]));

        var e = Assert.Throws<ArgumentException>(() => new FramePreprocessor(input, 1600, 900, 640, 384, 1));

        Assert.Contains("scaling of channel 1 is (x − 0) / 0", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_TwoChannelScaling_IsRefused()
    {
        ManifestInput input = PreprocessingCases.Input(scaling: new InputScaling([0, 0], [1, 1]));

        var e = Assert.Throws<ArgumentException>(() => new FramePreprocessor(input, 1600, 900, 640, 384, 1));

        Assert.Contains("scaling has 2 offsets and 2 divisors: it needs one of each per channel (3)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_ManifestSizeDisagrees_IsRefused()
    {
        ManifestInput input = PreprocessingCases.Input(widthPx: 320, heightPx: 384);

        var e = Assert.Throws<ArgumentException>(() => new FramePreprocessor(input, 1600, 900, 640, 384, 1));

        Assert.Contains("inputWidthPx = 640 but the manifest's input.WidthPx = 320", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_UnknownFit_IsRefused()
    {
        ManifestInput input = PreprocessingCases.Input(fit: (SpatialFit)7);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new FramePreprocessor(input, 1600, 900, 640, 384, 1));

        Assert.Contains("input.Fit = 7: not a SpatialFit this preprocessor knows (Stretch, Letterbox, CentreCrop)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TensorTooSmall_IsRefusedWithSizes()
    {
        var pre = new FramePreprocessor(PreprocessingCases.Input(), 16, 8, 8, 4, batchSize: 2);

        var e = Assert.Throws<ArgumentException>(() => pre.Write(new byte[16 * 8 * 3], new float[(2 * 96) - 1], 0));

        Assert.Contains("the tensor holds 191 elements but 2 images of 96 elements need 192", e.Message, StringComparison.Ordinal);
        Assert.Equal("tensor", e.ParamName);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(2)]
    public void Write_BatchIndexOutOfRange_IsRefused(int batchIndex)
    {
        var pre = new FramePreprocessor(PreprocessingCases.Input(), 16, 8, 8, 4, batchSize: 2);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => pre.Write(new byte[16 * 8 * 3], new float[2 * 96], batchIndex));

        Assert.Contains($"batchIndex = {batchIndex}: the tensor holds 2 images, so the index must be 0..1", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(16 * 8 * 3 - 1)]
    [InlineData(2 * 16 * 8 * 3)]
    public void Write_FrameNotOneFrame_IsRefused(int frameBytes)
    {
        var pre = new FramePreprocessor(PreprocessingCases.Input(), 16, 8, 8, 4, batchSize: 1);

        var e = Assert.Throws<ArgumentException>(() => pre.Write(new byte[frameBytes], new float[96], 0));

        Assert.Contains($"the frame holds {frameBytes} bytes but a 16x8 RGB frame is 384 bytes", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_OverloadOfAnotherElementType_IsRefusedNamingTheRightOne()
    {
        var pre = new FramePreprocessor(PreprocessingCases.Input(elementType: InputElementType.Float16), 16, 8, 8, 4, batchSize: 1);

        var e = Assert.Throws<ArgumentException>(() => pre.Write(new byte[16 * 8 * 3], new float[96], 0));

        Assert.Contains("writes Half tensors (the manifest's input element type) but was given a Span<float>", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FrameFitFor_ZeroInputHeight_IsRefused()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FrameFit.For(SpatialFit.Letterbox, 1600, 900, 640, 0));

        Assert.Contains("inputHeightPx = 0: a model input must be at least 1 px high", e.Message, StringComparison.Ordinal);
    }
}
