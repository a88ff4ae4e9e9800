using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>Depth encodings, invalid values (never NaN or ∞ out), and resampling with invalid taps.</summary>
public sealed class DepthDecoderTests
{
    private const int W = 8, H = 4;

    [Theory]
    [InlineData(DepthEncoding.Metric, 1f, 12.5f, 12.5f)]
    [InlineData(DepthEncoding.Inverse, 1f, 0.25f, 4f)]
    [InlineData(DepthEncoding.Scaled, 80f, 0.5f, 40f)]
    public void Decode_Encoding_GivesMetres(DepthEncoding encoding, float scale, float value, float expectedM)
    {
        float[] output = Enumerable.Repeat(value, W * H).ToArray();
        var decoder = FullResolution(encoding, scale, [1, H, W]);
        var map = new float[W * H];

        MapDecodeResult result = decoder.Decode(output, map);

        Assert.All(map, m => Assert.Equal(expectedM, m, 5));
        Assert.Equal(default, result);
    }

    [Fact]
    public void Decode_RandomMetricAtFullResolution_IsThePlaneItself()
    {
        float[] output = ForeignHeadFixtures.RandomPlane(W * H, seed: 11, min: 1f, max: 80f);
        var decoder = FullResolution(DepthEncoding.Metric, 1f, [H, W]);
        var map = new float[W * H];

        decoder.Decode(output, map);

        Assert.Equal(output, map);
    }

    [Theory]
    [InlineData(DepthEncoding.Inverse, 0f)]
    [InlineData(DepthEncoding.Inverse, -2f)]
    [InlineData(DepthEncoding.Inverse, 1e-45f)] // 1/v overflows to +∞
    [InlineData(DepthEncoding.Inverse, float.PositiveInfinity)] // 1/v = 0 m
    [InlineData(DepthEncoding.Metric, float.NaN)]
    [InlineData(DepthEncoding.Metric, -1f)]
    [InlineData(DepthEncoding.Scaled, float.NegativeInfinity)]
    public void Decode_InvalidValue_WritesSentinelCountsAndNeverNaN(DepthEncoding encoding, float bad)
    {
        float[] output = Enumerable.Repeat(encoding == DepthEncoding.Inverse ? 0.1f : 10f, W * H).ToArray();
        output[(2 * W) + 5] = bad;
        var decoder = FullResolution(encoding, 2f, [1, H, W]);
        var map = new float[W * H];

        MapDecodeResult result = decoder.Decode(output, map);

        Assert.Equal(1, result.InvalidSourcePixels);
        Assert.Equal(1, result.InvalidCells);
        Assert.Equal(DepthDecoder.InvalidDepthM, map[(2 * W) + 5]);
        Assert.All(map, m => Assert.True(float.IsFinite(m)));
        Assert.Equal(W * H - 1, map.Count(m => m > 0));
    }

    [Fact]
    public void Decode_HalfResolutionWithInvalidPixel_CellsBlendingItAreInvalidOthersMatchReference()
    {
        // Output 8x6 over a 16x12 input = frame; grid of 1 px cells: each cell blends up to four output pixels.
        const int ow = 8, oh = 6;
        float[] output = ForeignHeadFixtures.RandomPlane(ow * oh, seed: 12, min: 0.05f, max: 1f);
        output[(3 * ow) + 4] = -1f; // invalid inverse depth
        var geometry = new FrameInputGeometry(16, 12, 16, 12, InputFrameMapping.Identity);
        var decoder = new DepthDecoder(new DepthHeadSpec("depth", DepthEncoding.Inverse, 1f), [1, oh, ow], geometry, MapGrid.Runtime(16, 12, 1));
        var map = new float[16 * 12];

        MapDecodeResult result = decoder.Decode(output, map);

        var metres = output.Select(v => v > 0 ? 1f / v : 0f).ToArray();
        int invalid = 0;
        for (int j = 0; j < 12; j++)
        {
            for (int i = 0; i < 16; i++)
            {
                // Output coordinate of the cell centre; the bad pixel (4, 3) has non-zero weight when |u − 4| < 1 and |v − 3| < 1.
                double u = Math.Clamp(((i + 0.5) / 2) - 0.5, 0, ow - 1), v = Math.Clamp(((j + 0.5) / 2) - 0.5, 0, oh - 1);
                bool touchesBad = Math.Abs(u - 4) < 1 && Math.Abs(v - 3) < 1;
                if (touchesBad)
                {
                    invalid++;
                    Assert.Equal(DepthDecoder.InvalidDepthM, map[(j * 16) + i]);
                }
                else
                {
                    Assert.Equal(ForeignHeadFixtures.Bilinear(metres, ow, oh, 16, 12, i + 0.5, j + 0.5), map[(j * 16) + i], 1e-4);
                }
            }
        }

        Assert.Equal(16, invalid);
        Assert.Equal(invalid, result.InvalidCells);
        Assert.Equal(1, result.InvalidSourcePixels);
    }

    [Fact]
    public void Constructor_ScaledWithoutPositiveScale_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => FullResolution(DepthEncoding.Scaled, 0f, [1, H, W]));
        Assert.Contains("scale 0", e.Message);
        Assert.Contains("finite scale > 0", e.Message);
    }

    [Fact]
    public void Constructor_TwoChannelShape_Refused()
    {
        var e = Assert.Throws<ArgumentException>(() => FullResolution(DepthEncoding.Metric, 1f, [2, H, W]));
        Assert.Contains("[2, 4, 8]", e.Message);
        Assert.Contains("[1, h, w] or [h, w]", e.Message);
    }

    private static DepthDecoder FullResolution(DepthEncoding encoding, float scale, int[] shape) =>
        new(new DepthHeadSpec("depth", encoding, scale), shape, new FrameInputGeometry(W, H, W, H, InputFrameMapping.Identity), MapGrid.Runtime(W, H, 1));
}
