using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Tests.Streaming;

/// <summary>The colour matrix a driver's v4l2_pix_format names (colorspace, ycbcr_enc, quantization as in videodev2.h).</summary>
public sealed class DriverFrameConverterMatrixTests
{
    // videodev2.h values.
    private const uint ColorspaceDefault = 0, ColorspaceSmpte170M = 1, ColorspaceRec709 = 3, ColorspaceSrgb = 8;
    private const uint EncodingDefault = 0, Encoding601 = 1, Encoding709 = 2;
    private const uint QuantizationDefault = 0, QuantizationFull = 1, QuantizationLimited = 2;

    private static YuvMatrix MatrixOf(uint colorspace, uint encoding, uint quantization) =>
        DriverFrameConverter.MatrixOf(new V4l2PixFormat(640, 480, V4l2FourCc.Yuyv, 1280, 1280 * 480, colorspace, encoding, quantization));

    [Theory]
    [InlineData(ColorspaceDefault, Encoding709, QuantizationDefault)]
    [InlineData(ColorspaceSrgb, Encoding709, QuantizationLimited)]
    [InlineData(ColorspaceRec709, EncodingDefault, QuantizationDefault)] // REC709's default encoding is 709
    [InlineData(ColorspaceRec709, Encoding709, QuantizationLimited)]
    public void MatrixOf_709EncodingOrRec709Default_IsBt709Limited(uint colorspace, uint encoding, uint quantization)
    {
        Assert.Equal(YuvMatrix.Bt709Limited, MatrixOf(colorspace, encoding, quantization));
    }

    [Theory]
    [InlineData(ColorspaceDefault, EncodingDefault, QuantizationDefault)]
    [InlineData(ColorspaceSrgb, EncodingDefault, QuantizationDefault)] // what uvcvideo reports
    [InlineData(ColorspaceSmpte170M, EncodingDefault, QuantizationLimited)]
    [InlineData(ColorspaceRec709, Encoding601, QuantizationDefault)] // an explicit encoding wins over the colorspace
    public void MatrixOf_OtherwiseLimited_IsBt601Limited(uint colorspace, uint encoding, uint quantization)
    {
        Assert.Equal(YuvMatrix.Bt601Limited, MatrixOf(colorspace, encoding, quantization));
    }

    [Theory]
    [InlineData(ColorspaceDefault, EncodingDefault)]
    [InlineData(ColorspaceSrgb, Encoding601)]
    public void MatrixOf_FullRangeQuantization_IsBt601Full(uint colorspace, uint encoding)
    {
        Assert.Equal(YuvMatrix.Bt601Full, MatrixOf(colorspace, encoding, QuantizationFull));
    }
}
