using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>Pixel format codes: four ASCII characters packed little-endian, as videodev2.h's v4l2_fourcc does.</summary>
public sealed class V4l2FourCcTests
{
    [Theory]
    [InlineData("YUYV", 0x56595559u)] // V4L2_PIX_FMT_YUYV
    [InlineData("UYVY", 0x59565955u)] // V4L2_PIX_FMT_UYVY
    [InlineData("NV12", 0x3231564Eu)] // V4L2_PIX_FMT_NV12
    [InlineData("RGB3", 0x33424752u)] // V4L2_PIX_FMT_RGB24
    [InlineData("MJPG", 0x47504A4Du)] // V4L2_PIX_FMT_MJPEG
    public void Of_FourCharacters_PacksTheKernelCode(string text, uint kernel)
    {
        Assert.Equal(kernel, V4l2FourCc.Of(text).Value);
    }

    [Theory]
    [InlineData("YUYV")]
    [InlineData("RGB3")]
    [InlineData("GREY")]
    [InlineData("Y10 ")]
    public void ToString_OfText_RoundTrips(string text)
    {
        Assert.Equal(text, V4l2FourCc.Of(text).ToString());
    }

    [Fact]
    public void ToString_KernelCode_ReadsTheCharacters()
    {
        Assert.Equal("YUYV", new V4l2FourCc(0x56595559).ToString());
    }

    [Fact]
    public void NamedFormats_Rgb24AndYuyv_AreTheKernelCodes()
    {
        Assert.Equal(0x33424752u, V4l2FourCc.Rgb24.Value);
        Assert.Equal(0x56595559u, V4l2FourCc.Yuyv.Value);
        Assert.NotEqual(V4l2FourCc.Yuyv, V4l2FourCc.Uyvy);
    }

    [Theory]
    [InlineData("YUV")]
    [InlineData("YUYV2")]
    [InlineData("")]
    [InlineData("YU\u00e9V")]
    [InlineData("YU\nV")]
    public void Of_BadText_ThrowsNamingTheText(string text)
    {
        ArgumentException e = Assert.Throws<ArgumentException>(() => V4l2FourCc.Of(text));

        Assert.Contains($"'{text}'", e.Message, StringComparison.Ordinal);
        Assert.Equal("text", e.ParamName);
    }
}
