using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// Sampling of a model output at the runtime grid (and other grids) over the frame: against the plain bilinear reference
/// of <see cref="ForeignHeadFixtures"/>, against the exact values of a linear ramp, and under letterbox and centre-crop fits.
/// The activation is Probabilities on one channel so the map is the sampled plane itself.
/// </summary>
public sealed class MapResamplingTests
{
    private const int InputW = 64, InputH = 48;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(8)]
    public void Decode_OutputAtFractionOfInput_MatchesReferenceBilinear(int reduction)
    {
        int w = InputW / reduction, h = InputH / reduction;
        var geometry = new FrameInputGeometry(128, 96, InputW, InputH, ForeignHeadFixtures.Stretch(128, 96, InputW, InputH));
        float[] plane = ForeignHeadFixtures.RandomPlane(w * h, seed: reduction);
        var decoder = new SegmentationDecoder(Spec(), [1, h, w], geometry, MapGrid.Runtime(16, 12, 8));
        var map = new float[16 * 12];

        MapDecodeResult result = decoder.Decode(plane, map);

        (double[] expected, int outside) = ForeignHeadFixtures.ReferenceMap(plane, w, h, geometry, 16, 12, 8, 8);
        Assert.Equal(0, outside);
        Assert.Equal(0, result.CellsOutsideInput);
        for (int i = 0; i < map.Length; i++)
        {
            Assert.Equal(expected[i], map[i], 1e-5);
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Decode_LinearRamp_ReproducesTheRampAtEachCellsOutputCoordinate(int reduction)
    {
        // v(x, y) = 0.01·x + 0.001·y at pixel centres; bilinear is exact for a linear function away from the edges.
        int w = InputW / reduction, h = InputH / reduction;
        var plane = new float[w * h];
        for (int y = 0; y < h; y++)
        {
            for (int x = 0; x < w; x++)
            {
                plane[(y * w) + x] = (0.01f * x) + (0.001f * y);
            }
        }

        var geometry = new FrameInputGeometry(160, 120, InputW, InputH, ForeignHeadFixtures.Stretch(160, 120, InputW, InputH));
        var nhwc = SegmentationActivationTests.Spec(SegmentationActivation.Probabilities, channel: 0, TensorLayout.Nhwc);
        var decoder = new SegmentationDecoder(nhwc, [h, w, 1], geometry, MapGrid.Runtime(20, 15, 8));
        var map = new float[20 * 15];
        decoder.Decode(plane, map);

        int checkedCells = 0;
        for (int j = 0; j < 15; j++)
        {
            for (int i = 0; i < 20; i++)
            {
                // Cell centre → input (scale 0.4) → output coordinate u = inputX·w/InputW − 0.5.
                double u = ((i + 0.5) * 8 * 0.4 * w / InputW) - 0.5;
                double v = ((j + 0.5) * 8 * 0.4 * h / InputH) - 0.5;
                if (u < 0 || u > w - 1 || v < 0 || v > h - 1)
                {
                    continue;
                }

                Assert.Equal((0.01 * u) + (0.001 * v), map[(j * 20) + i], 1e-5);
                checkedCells++;
            }
        }

        Assert.True(checkedCells >= 200, $"only {checkedCells} interior cells checked");
    }

    [Fact]
    public void Decode_LetterboxWithGridOverhangingFrame_MatchesReferenceAndCountsOverhang()
    {
        // 160x90 frame into 64x64: scale 0.4, content 64x36, 14 px of padding above and below. Output at half resolution.
        // The 20x12 grid of 8 px covers 160x96: its last row (centre y = 92) is off the frame.
        var geometry = new FrameInputGeometry(160, 90, 64, 64, ForeignHeadFixtures.Letterbox(160, 90, 64, 64));
        Assert.Equal(14, geometry.Mapping.OffsetY, 1e-9);
        float[] plane = ForeignHeadFixtures.RandomPlane(32 * 32, seed: 7);
        var decoder = new SegmentationDecoder(Spec(), [1, 32, 32], geometry, MapGrid.Runtime(20, 12, 8));
        var map = new float[20 * 12];

        MapDecodeResult result = decoder.Decode(plane, map);

        (double[] expected, int outside) = ForeignHeadFixtures.ReferenceMap(plane, 32, 32, geometry, 20, 12, 8, 8);
        Assert.Equal(20, outside);
        Assert.Equal(20, result.CellsOutsideInput);
        for (int i = 0; i < map.Length; i++)
        {
            Assert.Equal(expected[i], map[i], 1e-5);
        }

        Assert.All(map.AsSpan(11 * 20).ToArray(), p => Assert.Equal(0f, p));
    }

    [Fact]
    public void Decode_LetterboxPaddingValues_NeverReachCellsAwayFromTheContentEdge()
    {
        // Padding rows of the output say 1, content rows 0.25: only cells whose sample blends across the content edge see the padding.
        var geometry = new FrameInputGeometry(160, 90, 64, 64, ForeignHeadFixtures.Letterbox(160, 90, 64, 64));
        var plane = new float[64 * 64];
        for (int y = 0; y < 64; y++)
        {
            Array.Fill(plane, y is < 14 or >= 50 ? 1f : 0.25f, y * 64, 64);
        }

        var decoder = new SegmentationDecoder(Spec(), [1, 64, 64], geometry, MapGrid.Runtime(20, 11, 8));
        var map = new float[20 * 11];
        decoder.Decode(plane, map);

        for (int j = 0; j < 11; j++)
        {
            Assert.All(map.AsSpan(j * 20, 20).ToArray(), p => Assert.Equal(0.25f, p));
        }
    }

    [Fact]
    public void Decode_CentreCrop_CroppedCellsAreZeroAndCounted()
    {
        // 160x90 frame covering 64x64: scale 64/90, 113.8 px wide, about 25 px cut on each side.
        var geometry = new FrameInputGeometry(160, 90, 64, 64, ForeignHeadFixtures.CentreCrop(160, 90, 64, 64));
        float[] plane = ForeignHeadFixtures.RandomPlane(16 * 16, seed: 8, min: 0.1f);
        var decoder = new SegmentationDecoder(Spec(), [1, 16, 16], geometry, MapGrid.Runtime(40, 22, 4));
        var map = new float[40 * 22];

        MapDecodeResult result = decoder.Decode(plane, map);

        (double[] expected, int outside) = ForeignHeadFixtures.ReferenceMap(plane, 16, 16, geometry, 40, 22, 4, 4);
        Assert.True(outside >= 2 * 8 * 22, $"expected whole cropped columns, got {outside} cells");
        Assert.Equal(outside, result.CellsOutsideInput);
        Assert.Equal(outside, map.Count(p => p == 0f));
        for (int i = 0; i < map.Length; i++)
        {
            Assert.Equal(expected[i], map[i], 1e-5);
        }
    }

    [Theory]
    [InlineData(160, 90)]
    [InlineData(37, 23)]
    public void Decode_WithResamplerAtAnotherResolution_MatchesReference(int gridW, int gridH)
    {
        var geometry = new FrameInputGeometry(160, 90, 64, 64, ForeignHeadFixtures.Letterbox(160, 90, 64, 64));
        float[] plane = ForeignHeadFixtures.RandomPlane(16 * 16, seed: 9);
        var decoder = new SegmentationDecoder(Spec(), [1, 16, 16], geometry, MapGrid.Runtime(20, 12, 8));
        MapResampler image = decoder.CreateResampler(MapGrid.OverFrame(gridW, gridH, 160, 90));
        var mask = new float[gridW * gridH];

        MapDecodeResult result = decoder.Decode(plane, image, mask);

        (double[] expected, int outside) = ForeignHeadFixtures.ReferenceMap(plane, 16, 16, geometry, gridW, gridH, 160.0 / gridW, 90.0 / gridH);
        Assert.Equal(0, outside);
        Assert.Equal(0, result.CellsOutsideInput);
        for (int i = 0; i < mask.Length; i++)
        {
            Assert.Equal(expected[i], mask[i], 1e-5);
        }
    }

    [Fact]
    public void Decode_ResamplerOfAnotherDecoder_Refused()
    {
        var geometry = new FrameInputGeometry(160, 90, 64, 64, ForeignHeadFixtures.Letterbox(160, 90, 64, 64));
        var half = new SegmentationDecoder(Spec(), [1, 32, 32], geometry, MapGrid.Runtime(20, 12, 8));
        var quarter = new SegmentationDecoder(Spec(), [1, 16, 16], geometry, MapGrid.Runtime(20, 12, 8));

        var e = Assert.Throws<ArgumentException>(() => quarter.Decode(new float[256], half.RuntimeResampler, new float[240]));
        Assert.Contains("32x32", e.Message);
        Assert.Contains("16x16", e.Message);
    }

    private static SegmentationHeadSpec Spec() =>
        SegmentationActivationTests.Spec(SegmentationActivation.Probabilities, channel: 0, TensorLayout.Nchw);
}
