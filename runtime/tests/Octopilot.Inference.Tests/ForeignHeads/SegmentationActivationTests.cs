using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>
/// Activations against a plain reference: the output, the model input and the frame are all w×h and the grid has one
/// cell per pixel, so every cell samples exactly one output pixel and the map is the activation itself.
/// </summary>
public sealed class SegmentationActivationTests
{
    private const int Channels = 5, Height = 6, Width = 8;

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Decode_Softmax_MatchesNaiveSoftmax(TensorLayout layout)
    {
        float[,,] logits = RandomLogits(seed: 1, spread: 8f);
        float[] map = DecodeFullResolution(logits, layout, SegmentationActivation.Softmax, channel: 3);

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                double sum = 0;
                for (int c = 0; c < Channels; c++)
                {
                    sum += Math.Exp(logits[c, y, x]);
                }

                Assert.Equal(Math.Exp(logits[3, y, x]) / sum, map[(y * Width) + x], 1e-6);
            }
        }
    }

    [Fact]
    public void Decode_SoftmaxOfHugeLogits_StaysFiniteAndExact()
    {
        var logits = new float[Channels, Height, Width];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                logits[0, y, x] = 1000f;
                logits[1, y, x] = 999f;
                for (int c = 2; c < Channels; c++)
                {
                    logits[c, y, x] = -1000f;
                }
            }
        }

        float[] map = DecodeFullResolution(logits, TensorLayout.Nchw, SegmentationActivation.Softmax, channel: 1);

        double expected = Math.Exp(-1) / (1 + Math.Exp(-1));
        Assert.All(map, p => Assert.Equal(expected, p, 6));
    }

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Decode_Sigmoid_MatchesReferenceIncludingSaturation(TensorLayout layout)
    {
        float[,,] logits = RandomLogits(seed: 2, spread: 6f);
        logits[2, 0, 0] = -100f;
        logits[2, 0, 1] = 100f;
        float[] map = DecodeFullResolution(logits, layout, SegmentationActivation.Sigmoid, channel: 2);

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                Assert.Equal(ForeignHeadFixtures.Sigmoid(logits[2, y, x]), map[(y * Width) + x], 1e-6);
            }
        }

        Assert.Equal(0f, map[0], 1e-6);
        Assert.Equal(1f, map[1], 1e-6);
    }

    [Theory]
    [InlineData(TensorLayout.Nchw)]
    [InlineData(TensorLayout.Nhwc)]
    public void Decode_Argmax_IsOneWhereChannelWinsAndTiesGoToLowestIndex(TensorLayout layout)
    {
        float[,,] logits = RandomLogits(seed: 3, spread: 4f);
        // Pixel (0, 0): channels 1 and 3 tie for the max → channel 1 wins, channel 3 does not.
        logits[1, 0, 0] = logits[3, 0, 0] = 50f;

        float[] winsThree = DecodeFullResolution(logits, layout, SegmentationActivation.Argmax, channel: 3);
        float[] winsOne = DecodeFullResolution(logits, layout, SegmentationActivation.Argmax, channel: 1);

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                int best = 0;
                for (int c = 1; c < Channels; c++)
                {
                    best = logits[c, y, x] > logits[best, y, x] ? c : best;
                }

                Assert.Equal(best == 3 ? 1f : 0f, winsThree[(y * Width) + x]);
                Assert.Equal(best == 1 ? 1f : 0f, winsOne[(y * Width) + x]);
            }
        }

        Assert.Equal(0f, winsThree[0]);
        Assert.Equal(1f, winsOne[0]);
    }

    [Fact]
    public void Decode_ArgmaxOfClassIndexMap_IsOneWhereValueEqualsChannel()
    {
        var classes = new float[1, Height, Width];
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                classes[0, y, x] = (x + y) % 4;
            }
        }

        float[] map = DecodeFullResolution(classes, TensorLayout.Nchw, SegmentationActivation.Argmax, channel: 2);

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                Assert.Equal((x + y) % 4 == 2 ? 1f : 0f, map[(y * Width) + x]);
            }
        }
    }

    [Fact]
    public void Decode_Probabilities_PassThroughClampedToUnitRange()
    {
        float[,,] values = RandomLogits(seed: 4, spread: 0.5f);
        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                values[0, y, x] += 0.5f;
            }
        }

        values[0, 1, 1] = 1.5f;
        values[0, 1, 2] = -0.25f;

        float[] map = DecodeFullResolution(values, TensorLayout.Nhwc, SegmentationActivation.Probabilities, channel: 0);

        for (int y = 0; y < Height; y++)
        {
            for (int x = 0; x < Width; x++)
            {
                Assert.Equal(Math.Clamp(values[0, y, x], 0f, 1f), map[(y * Width) + x]);
            }
        }
    }

    [Theory]
    [InlineData(SegmentationActivation.Softmax, float.NaN)]
    [InlineData(SegmentationActivation.Argmax, float.PositiveInfinity)]
    [InlineData(SegmentationActivation.Sigmoid, float.NegativeInfinity)]
    public void Decode_NonFiniteValue_PixelIsZeroAndCounted(SegmentationActivation activation, float bad)
    {
        float[,,] logits = RandomLogits(seed: 5, spread: 3f);
        logits[0, 2, 3] = bad;

        var result = default(MapDecodeResult);
        float[] map = DecodeFullResolution(logits, TensorLayout.Nchw, activation, channel: 0, r => result = r);

        Assert.Equal(0f, map[(2 * Width) + 3]);
        Assert.Equal(1, result.InvalidSourcePixels);
        Assert.All(map, p => Assert.True(float.IsFinite(p)));
    }

    [Fact]
    public void Constructor_ChannelOutOfRange_RefusedNamingTheRule()
    {
        var spec = Spec(SegmentationActivation.Sigmoid, channel: 5, TensorLayout.Nchw);
        var e = Assert.Throws<ArgumentException>(() => new SegmentationDecoder(spec, [5, 6, 8], Identity(), MapGrid.Runtime(8, 6, 1)));
        Assert.Contains("channel 5 with C = 5", e.Message);
        Assert.Contains("[0, C)", e.Message);
    }

    [Fact]
    public void Constructor_SoftmaxOverOneChannel_Refused()
    {
        var spec = Spec(SegmentationActivation.Softmax, channel: 0, TensorLayout.Nchw);
        var e = Assert.Throws<ArgumentException>(() => new SegmentationDecoder(spec, [1, 6, 8], Identity(), MapGrid.Runtime(8, 6, 1)));
        Assert.Contains("softmax needs at least 2 channels", e.Message);
    }

    [Fact]
    public void Constructor_BatchAxisLeftIn_Refused()
    {
        var spec = Spec(SegmentationActivation.Sigmoid, channel: 0, TensorLayout.Nchw);
        var e = Assert.Throws<ArgumentException>(() => new SegmentationDecoder(spec, [1, 5, 6, 8], Identity(), MapGrid.Runtime(8, 6, 1)));
        Assert.Contains("[1, 5, 6, 8]", e.Message);
        Assert.Contains("drop the batch axis", e.Message);
    }

    [Fact]
    public void Decode_OutputOfAnotherSize_RefusedWithBothLengths()
    {
        var decoder = new SegmentationDecoder(
            Spec(SegmentationActivation.Sigmoid, channel: 0, TensorLayout.Nchw), [5, 6, 8], Identity(), MapGrid.Runtime(8, 6, 1));
        var e = Assert.Throws<ArgumentException>(() => decoder.Decode(new float[(5 * 6 * 8) + 1], new float[48]));
        Assert.Contains("241", e.Message);
        Assert.Contains("240", e.Message);
    }

    internal static SegmentationHeadSpec Spec(SegmentationActivation activation, int channel, TensorLayout layout) =>
        new("seg", SegmentationTarget.Drivable, "road", activation, channel, layout);

    private static FrameInputGeometry Identity() => new(Width, Height, Width, Height, InputFrameMapping.Identity);

    private static float[] DecodeFullResolution(
        float[,,] logical, TensorLayout layout, SegmentationActivation activation, int channel, Action<MapDecodeResult>? result = null)
    {
        int channels = logical.GetLength(0);
        var output = new float[channels * Height * Width];
        for (int c = 0; c < channels; c++)
        {
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    int index = layout == TensorLayout.Nchw ? (((c * Height) + y) * Width) + x : (((y * Width) + x) * channels) + c;
                    output[index] = logical[c, y, x];
                }
            }
        }

        int[] shape = layout == TensorLayout.Nchw ? [channels, Height, Width] : [Height, Width, channels];
        var decoder = new SegmentationDecoder(Spec(activation, channel, layout), shape, Identity(), MapGrid.Runtime(Width, Height, 1));
        var map = new float[Width * Height];
        MapDecodeResult r = decoder.Decode(output, map);
        Assert.Equal(0, r.CellsOutsideInput);
        result?.Invoke(r);
        return map;
    }

    private static float[,,] RandomLogits(int seed, float spread)
    {
        var random = new Random(seed);
        var logits = new float[Channels, Height, Width];
        for (int c = 0; c < Channels; c++)
        {
            for (int y = 0; y < Height; y++)
            {
                for (int x = 0; x < Width; x++)
                {
                    logits[c, y, x] = spread * ((2 * random.NextSingle()) - 1);
                }
            }
        }

        return logits;
    }
}
