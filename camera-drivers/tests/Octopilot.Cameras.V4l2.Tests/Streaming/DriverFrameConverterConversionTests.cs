using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Tests.Streaming;

/// <summary>
/// The one pass out of a driver buffer: YUV formats give exactly what <see cref="YuvToRgb"/> gives on the same bytes
/// (single-planar NV12's CbCr plane found after stride · height), RGB24 gives exactly the frame's pixels without its
/// row padding.
/// </summary>
public sealed class DriverFrameConverterConversionTests
{
    private static V4l2PixFormat Format(V4l2FourCc fourCc, int width, int height, int stride, int sizeImage) =>
        new(width, height, fourCc, stride, sizeImage, Colorspace: 0, YcbcrEncoding: 0, Quantization: 0);

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    public static TheoryData<YuvMatrix> Matrices() => new() { YuvMatrix.Bt601Limited, YuvMatrix.Bt709Limited, YuvMatrix.Bt601Full };

    [Theory]
    [MemberData(nameof(Matrices))]
    public void Convert_YuyvWithPaddedStride_EqualsYuvToRgb(YuvMatrix matrix)
    {
        const int W = 38, H = 5, Stride = (W * 2) + 12;
        byte[] frame = Random(Stride * H, 1);
        var expected = new byte[W * H * 3];
        YuvToRgb.Yuyv(frame, Stride, expected, W, H, matrix);
        var rgb = new byte[W * H * 3];

        new DriverFrameConverter(Format(V4l2FourCc.Yuyv, W, H, Stride, Stride * H), matrix).Convert(frame, rgb);

        Assert.Equal(expected, rgb);
    }

    [Theory]
    [MemberData(nameof(Matrices))]
    public void Convert_UyvyWithPaddedStride_EqualsYuvToRgb(YuvMatrix matrix)
    {
        const int W = 22, H = 4, Stride = (W * 2) + 20;
        byte[] frame = Random(Stride * H, 2);
        var expected = new byte[W * H * 3];
        YuvToRgb.Uyvy(frame, Stride, expected, W, H, matrix);
        var rgb = new byte[W * H * 3];

        new DriverFrameConverter(Format(V4l2FourCc.Uyvy, W, H, Stride, Stride * H), matrix).Convert(frame, rgb);

        Assert.Equal(expected, rgb);
    }

    [Fact]
    public void Convert_YuyvAndUyvyOfTheSameBytes_Differ()
    {
        // The converter must dispatch on the format: the same bytes read as the other 4:2:2 order are another image.
        const int W = 16, H = 2;
        byte[] frame = Random(W * 2 * H, 3);
        var yuyv = new byte[W * H * 3];
        var uyvy = new byte[W * H * 3];

        new DriverFrameConverter(Format(V4l2FourCc.Yuyv, W, H, W * 2, W * 2 * H), YuvMatrix.Bt601Limited).Convert(frame, yuyv);
        new DriverFrameConverter(Format(V4l2FourCc.Uyvy, W, H, W * 2, W * 2 * H), YuvMatrix.Bt601Limited).Convert(frame, uyvy);

        Assert.NotEqual(yuyv, uyvy);
    }

    [Theory]
    [InlineData(32, 6, 32)] // packed rows
    [InlineData(38, 5, 64)] // padded rows, odd height: the last chroma row serves one luma row
    public void Convert_SinglePlanarNv12_EqualsYuvToRgbOnTheSplitPlanes(int width, int height, int stride)
    {
        int chromaRows = (height + 1) / 2;
        byte[] luma = Random(stride * height, 4);
        byte[] chroma = Random(stride * chromaRows, 5);
        byte[] frame = [.. luma, .. chroma];
        var expected = new byte[width * height * 3];
        YuvToRgb.Nv12(luma, stride, chroma, stride, expected, width, height, YuvMatrix.Bt709Limited);
        var rgb = new byte[width * height * 3];

        new DriverFrameConverter(Format(V4l2FourCc.Nv12, width, height, stride, frame.Length), YuvMatrix.Bt709Limited).Convert(frame, rgb);

        Assert.Equal(expected, rgb);
    }

    [Fact]
    public void Convert_Rgb24PackedRows_CopiesTheFrame()
    {
        const int W = 7, H = 3;
        byte[] frame = Random(W * H * 3, 6);
        var rgb = new byte[W * H * 3];

        new DriverFrameConverter(Format(V4l2FourCc.Rgb24, W, H, W * 3, W * H * 3), YuvMatrix.Bt601Limited).Convert(frame, rgb);

        Assert.Equal(frame, rgb);
    }

    [Fact]
    public void Convert_Rgb24PaddedStride_CopiesExactlyThePixels()
    {
        const int W = 5, H = 4, Stride = 20; // 15 bytes of pixels, 5 of padding per row
        byte[] pixels = Random(W * H * 3, 7);
        var frame = new byte[Stride * H];
        Array.Fill(frame, (byte)0xEE);
        for (int y = 0; y < H; y++)
        {
            pixels.AsSpan(y * W * 3, W * 3).CopyTo(frame.AsSpan(y * Stride));
        }

        var rgb = new byte[W * H * 3];

        new DriverFrameConverter(Format(V4l2FourCc.Rgb24, W, H, Stride, Stride * H), YuvMatrix.Bt601Limited).Convert(frame, rgb);

        Assert.Equal(pixels, rgb);
    }

    public static TheoryData<string, int, int, int> FormatsAtPaddedStrides() => new()
    {
        { "YUYV", 40, 6, 96 },
        { "UYVY", 40, 6, 80 },
        { "NV12", 40, 6, 64 },
        { "NV12", 40, 5, 48 },
        { "RGB3", 40, 6, 128 },
    };

    [Theory]
    [MemberData(nameof(FormatsAtPaddedStrides))]
    public void Convert_FrameOfExactlyMinimumBytesUsed_ConvertsLikeTheFullBuffer(string fourCc, int width, int height, int stride)
    {
        // A driver may leave out the last row's padding: a frame of MinimumBytesUsed bytes must be enough to convert.
        var format = Format(V4l2FourCc.Of(fourCc), width, height, stride, 0);
        var converter = new DriverFrameConverter(format, YuvMatrix.Bt601Limited);
        byte[] full = Random(stride * (height + ((height + 1) / 2)), 8);
        var fromFull = new byte[width * height * 3];
        var fromMinimum = new byte[width * height * 3];
        converter.Convert(full, fromFull);

        converter.Convert(full.AsSpan(0, converter.MinimumBytesUsed), fromMinimum);

        Assert.Equal(fromFull, fromMinimum);
    }
}
