using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Tests.Streaming;

/// <summary>The bytes a complete frame needs (shorter is truncated), what a frame costs on its way into the slab, and the formats it reads.</summary>
public sealed class DriverFrameConverterFrameSizeTests
{
    private static DriverFrameConverter Converter(string fourCc, int width, int height, int stride) =>
        new(new V4l2PixFormat(width, height, V4l2FourCc.Of(fourCc), stride, 0, 0, 0, 0), YuvMatrix.Bt601Limited);

    [Theory]
    [InlineData("YUYV", 640, 480, 1280, 640 * 480 * 2)] // packed: the whole image
    [InlineData("UYVY", 640, 480, 1280, 640 * 480 * 2)]
    [InlineData("YUYV", 640, 480, 1344, (1344 * 479) + 1280)] // padded: the last row needs only its pixels
    [InlineData("NV12", 640, 480, 640, (640 * 480) + (640 * 240))] // Y plane, then CbCr at half height
    [InlineData("NV12", 640, 480, 704, (704 * 480) + (704 * 239) + 640)]
    [InlineData("NV12", 640, 481, 640, (640 * 481) + (640 * 241))] // odd height: one more CbCr row
    [InlineData("RGB3", 640, 480, 1920, 640 * 480 * 3)]
    [InlineData("RGB3", 640, 480, 2048, (2048 * 479) + 1920)]
    public void MinimumBytesUsed_Format_IsTheLastByteAPixelReads(string fourCc, int width, int height, int stride, int expected)
    {
        Assert.Equal(expected, Converter(fourCc, width, height, stride).MinimumBytesUsed);
    }

    [Theory]
    [InlineData("YUYV")]
    [InlineData("UYVY")]
    [InlineData("NV12")]
    public void Transfer_YuvFormat_IsOneConversionPassWithNothingCopied(string fourCc)
    {
        int stride = fourCc == "NV12" ? 640 : 1280;

        FrameTransfer transfer = Converter(fourCc, 640, 480, stride).Transfer;

        Assert.Equal(FrameTransferKind.ConvertedFromDriverBuffer, transfer.Kind);
        Assert.Equal(0, transfer.BytesCopiedPerFrame);
        Assert.Equal(640 * 480 * 3, transfer.BytesWrittenPerFrame);
    }

    [Fact]
    public void Transfer_Rgb24_IsOneCopyOfTheFrame()
    {
        FrameTransfer transfer = Converter("RGB3", 640, 480, 1920).Transfer;

        Assert.Equal(FrameTransferKind.CopiedFromDriverBuffer, transfer.Kind);
        Assert.Equal(640 * 480 * 3, transfer.BytesCopiedPerFrame);
        Assert.Equal(640 * 480 * 3, transfer.BytesWrittenPerFrame);
    }

    [Theory]
    [InlineData("MJPG")]
    [InlineData("BGR3")]
    [InlineData("GREY")]
    public void Constructor_FormatWithoutConversion_ThrowsNamingIt(string fourCc)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => Converter(fourCc, 640, 480, 1280));

        Assert.Contains(fourCc, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Supported_Order_IsRgb24ThenYuyvThenUyvyThenNv12()
    {
        Assert.Equal([V4l2FourCc.Rgb24, V4l2FourCc.Yuyv, V4l2FourCc.Uyvy, V4l2FourCc.Nv12], DriverFrameConverter.Supported);
        Assert.False(DriverFrameConverter.IsSupported(V4l2FourCc.Mjpeg));
    }
}
