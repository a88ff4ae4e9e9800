using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>Contract rows through the foreign engine's decoder: a second peak on the same car is dropped at the spec's NMS IoU.</summary>
public sealed class ContractObjectDecoderNmsTests
{
    // Rows (score, class, u, v, w, h, depth) in model-input pixels: two peaks on one car, one car elsewhere, an empty row.
    private static readonly float[] Rows =
    [
        0.9f, 0, 100, 100, 40, 30, 12,
        0.6f, 0, 104, 101, 42, 30, 12,
        0.5f, 0, 300, 100, 40, 30, 20,
        0.0f, 0, 0, 0, 0, 0, 0,
    ];

    private static DetectionDecodeResult Decode(float nmsIou, Span<Detection> destination)
    {
        var spec = new ContractObjectsHeadSpec("objects", 0.3f, ObjectRangePolicy.ModelDepth, nmsIou);
        // Frames twice the input's size: suppression runs on frame pixels, where IoU is the same.
        var geometry = new FrameInputGeometry(768, 576, 384, 288, ForeignHeadFixtures.Letterbox(768, 576, 384, 288));
        return new ContractObjectDecoder(spec, [4, 7], 1, geometry).Decode(Rows, destination);
    }

    [Fact]
    public void Decode_DuplicatePeak_SuppressedAndCounted()
    {
        var destination = new Detection[8];

        DetectionDecodeResult r = Decode(0.5f, destination);

        Assert.Equal(2, r.Written);
        Assert.Equal(1, r.Suppressed);
        Assert.Equal([0.9f, 0.5f], destination[..r.Written].Select(d => d.Score));
        Assert.Equal(PixelConvention.EdgeToCentre(200), destination[0].CenterUPx, 3); // the row's pixel-edge 200
    }

    [Fact]
    public void Decode_Off_KeepsEveryPeakAboveTheThreshold()
    {
        var destination = new Detection[8];

        DetectionDecodeResult r = Decode(DetectionOverlapSuppression.Off, destination);

        Assert.Equal(3, r.Written);
        Assert.Equal(0, r.Suppressed);
    }
}
