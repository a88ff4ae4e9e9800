using Octopilot.Cameras.Conversion;

namespace Octopilot.Cameras.Tests.Conversion;

/// <summary>
/// The vectorised YUV → RGB24 pass against a per-pixel reference written out here from the ITU formulas in double
/// precision (within 1 of it: the pass rounds in 8-bit fixed point), bit-exact against its own scalar arithmetic on
/// every pixel, known colours, strides, odd sizes and bad arguments.
/// </summary>
public sealed class YuvToRgbTests
{
    public static TheoryData<YuvMatrix, int, int> Sizes() => new()
    {
        { YuvMatrix.Bt601Limited, 1280, 4 },
        { YuvMatrix.Bt709Limited, 38, 3 },   // not a multiple of 8: a scalar tail on every row
        { YuvMatrix.Bt601Full, 16, 2 },
        { YuvMatrix.Bt601Limited, 2, 1 },
    };

    /// <summary>The standards' floating-point conversion (Kr, Kb; limited range scales Y by 255/219 and chroma by 255/224).</summary>
    private static (double R, double G, double B) Reference(int y, int cb, int cr, YuvMatrix matrix)
    {
        (double kr, double kb) = matrix == YuvMatrix.Bt709Limited ? (0.2126, 0.0722) : (0.299, 0.114);
        bool limited = matrix != YuvMatrix.Bt601Full;
        double yy = limited ? (y - 16) * 255.0 / 219 : y;
        double pb = (cb - 128) * (limited ? 255.0 / 224 : 1), pr = (cr - 128) * (limited ? 255.0 / 224 : 1);
        double r = yy + (2 * (1 - kr) * pr);
        double b = yy + (2 * (1 - kb) * pb);
        double g = (yy - (kr * r) - (kb * b)) / (1 - kr - kb);
        return (Math.Clamp(r, 0, 255), Math.Clamp(g, 0, 255), Math.Clamp(b, 0, 255));
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Yuyv_RandomFrame_MatchesTheReferenceWithinOneAndTheScalarPathExactly(YuvMatrix matrix, int width, int height)
    {
        int stride = (width * 2) + 6; // padded rows, as drivers may deliver
        byte[] frame = Random(stride * height, 1);
        var rgb = new byte[width * height * 3];

        YuvToRgb.Yuyv(frame, stride, rgb, width, height, matrix);

        YuvCoefficients k = YuvCoefficients.Of(matrix);
        var expected = new byte[3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int p = (y * stride) + ((x & ~1) * 2);
                int luma = frame[(y * stride) + (x * 2)], cb = frame[p + 1], cr = frame[p + 3];
                AssertPixel(rgb, (y * width) + x, luma, cb, cr, matrix, k, expected);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Uyvy_RandomFrame_MatchesTheScalarPathExactly(YuvMatrix matrix, int width, int height)
    {
        int stride = width * 2;
        byte[] frame = Random(stride * height, 2);
        var rgb = new byte[width * height * 3];

        YuvToRgb.Uyvy(frame, stride, rgb, width, height, matrix);

        YuvCoefficients k = YuvCoefficients.Of(matrix);
        var expected = new byte[3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int p = (y * stride) + ((x & ~1) * 2);
                AssertPixel(rgb, (y * width) + x, frame[(y * stride) + (x * 2) + 1], frame[p], frame[p + 2], matrix, k, expected);
            }
        }
    }

    [Theory]
    [InlineData(1280, 6)]
    [InlineData(37, 5)] // odd width and height: the last chroma sample covers one pixel and one row
    public void Nv12_RandomFrame_MatchesTheScalarPathExactly(int width, int height)
    {
        int lumaStride = width + 3, chromaStride = ((width + 1) / 2 * 2) + 5;
        byte[] luma = Random(lumaStride * height, 3), chroma = Random(chromaStride * ((height + 1) / 2), 4);
        var rgb = new byte[width * height * 3];

        YuvToRgb.Nv12(luma, lumaStride, chroma, chromaStride, rgb, width, height, YuvMatrix.Bt601Limited);

        YuvCoefficients k = YuvCoefficients.Of(YuvMatrix.Bt601Limited);
        var expected = new byte[3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                int c = ((y / 2) * chromaStride) + (x & ~1);
                AssertPixel(rgb, (y * width) + x, luma[(y * lumaStride) + x], chroma[c], chroma[c + 1], YuvMatrix.Bt601Limited, k, expected);
            }
        }
    }

    [Theory]
    [InlineData(235, 128, 128, 255, 255, 255)] // limited-range white
    [InlineData(16, 128, 128, 0, 0, 0)]        // limited-range black
    [InlineData(81, 90, 240, 255, 0, 0)]       // BT.601 red
    [InlineData(145, 54, 34, 0, 255, 0)]       // BT.601 green
    [InlineData(41, 240, 110, 0, 0, 255)]      // BT.601 blue
    public void Yuyv_PrimariesAndGreys_Bt601Limited(int y, int cb, int cr, int r, int g, int b)
    {
        var frame = new byte[16 * 2];
        for (int x = 0; x < 16; x += 2)
        {
            frame[x * 2] = (byte)y;
            frame[(x * 2) + 1] = (byte)cb;
            frame[(x * 2) + 2] = (byte)y;
            frame[(x * 2) + 3] = (byte)cr;
        }

        var rgb = new byte[16 * 3];
        YuvToRgb.Yuyv(frame, 32, rgb, 16, 1, YuvMatrix.Bt601Limited);

        for (int x = 0; x < 16; x++)
        {
            Assert.True(Math.Abs(rgb[x * 3] - r) <= 1 && Math.Abs(rgb[(x * 3) + 1] - g) <= 1 && Math.Abs(rgb[(x * 3) + 2] - b) <= 1,
                $"pixel {x}: ({rgb[x * 3]}, {rgb[(x * 3) + 1]}, {rgb[(x * 3) + 2]}), expected about ({r}, {g}, {b})");
        }
    }

    [Fact]
    public void Yuyv_BadArguments_NameTheParameterAndTheRule()
    {
        var rgb = new byte[8 * 2 * 3];
        ArgumentException odd = Assert.Throws<ArgumentException>(() => YuvToRgb.Yuyv(new byte[64], 14, rgb, 7, 2, YuvMatrix.Bt601Limited));
        Assert.Equal("widthPx", odd.ParamName);
        ArgumentException small = Assert.Throws<ArgumentException>(() => YuvToRgb.Yuyv(new byte[20], 16, rgb, 8, 2, YuvMatrix.Bt601Limited));
        Assert.Equal("source", small.ParamName);
        ArgumentException target = Assert.Throws<ArgumentException>(() => YuvToRgb.Yuyv(new byte[64], 16, new byte[10], 8, 2, YuvMatrix.Bt601Limited));
        Assert.Equal("rgb", target.ParamName);
    }

    [Fact]
    public void Yuyv_SteadyState_AllocatesNothing()
    {
        byte[] frame = Random(1280 * 2 * 8, 5);
        var rgb = new byte[1280 * 8 * 3];
        for (int i = 0; i < 50; i++)
        {
            YuvToRgb.Yuyv(frame, 2560, rgb, 1280, 8, YuvMatrix.Bt601Limited);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        YuvToRgb.Yuyv(frame, 2560, rgb, 1280, 8, YuvMatrix.Bt601Limited);

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertPixel(byte[] rgb, int pixel, int y, int cb, int cr, YuvMatrix matrix, YuvCoefficients k, byte[] expected)
    {
        YuvToRgb.Scalar(y, cb, cr, k, expected);
        (double r, double g, double b) = Reference(y, cb, cr, matrix);
        int o = pixel * 3;
        Assert.True(rgb[o] == expected[0] && rgb[o + 1] == expected[1] && rgb[o + 2] == expected[2],
            $"pixel {pixel}: ({rgb[o]}, {rgb[o + 1]}, {rgb[o + 2]}) but the scalar path gives ({expected[0]}, {expected[1]}, {expected[2]})");
        Assert.True(Math.Abs(rgb[o] - r) <= 1.5 && Math.Abs(rgb[o + 1] - g) <= 1.5 && Math.Abs(rgb[o + 2] - b) <= 1.5,
            $"pixel {pixel} (Y {y}, Cb {cb}, Cr {cr}): ({rgb[o]}, {rgb[o + 1]}, {rgb[o + 2]}) vs the standard's ({r:0.0}, {g:0.0}, {b:0.0})");
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
