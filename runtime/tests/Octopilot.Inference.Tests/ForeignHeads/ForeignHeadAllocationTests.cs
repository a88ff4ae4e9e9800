using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.ForeignHeads;

/// <summary>After construction, a decode allocates nothing: 0 managed bytes over 100 decodes of each decoder once the JIT has compiled it to its final tier.</summary>
public sealed class ForeignHeadAllocationTests
{
    private static readonly FrameInputGeometry Geometry = new(320, 180, 128, 128, ForeignHeadFixtures.Letterbox(320, 180, 128, 128));

    [Theory]
    [InlineData(SegmentationActivation.Softmax, TensorLayout.Nchw)]
    [InlineData(SegmentationActivation.Argmax, TensorLayout.Nhwc)]
    [InlineData(SegmentationActivation.Sigmoid, TensorLayout.Nchw)]
    public void SegmentationDecode_HundredDecodes_AllocateNothing(SegmentationActivation activation, TensorLayout layout)
    {
        var decoder = new SegmentationDecoder(
            SegmentationActivationTests.Spec(activation, channel: 1, layout), layout == TensorLayout.Nchw ? [3, 64, 64] : [64, 64, 3], Geometry, MapGrid.Runtime(40, 23, 8));
        MapResampler image = decoder.CreateResampler(MapGrid.OverFrame(320, 180, 320, 180));
        float[] output = ForeignHeadFixtures.RandomPlane(3 * 64 * 64, seed: 21, min: -4, max: 4);
        var map = new float[40 * 23];
        var mask = new float[320 * 180];

        AssertNoAllocation(() =>
        {
            decoder.Decode(output, map);
            decoder.Decode(output, image, mask);
        });
    }

    [Fact]
    public void DepthDecode_HundredDecodes_AllocateNothing()
    {
        var decoder = new DepthDecoder(new DepthHeadSpec("depth", DepthEncoding.Inverse, 1), [1, 32, 32], Geometry, MapGrid.Runtime(40, 23, 8));
        float[] output = ForeignHeadFixtures.RandomPlane(32 * 32, seed: 22, min: -0.1f, max: 1);
        var map = new float[40 * 23];

        AssertNoAllocation(() => decoder.Decode(output, map));
    }

    [Fact]
    public void BoxListDecode_HundredDecodes_AllocateNothing()
    {
        var decoder = new BoxListDecoder(BoxListDecoderTests.Spec(BoxFormat.Cxcywh, BoxUnits.Normalised, 0.2f), 100, ClassFilter.FromIndices(3, [0, 2]), Geometry);
        float[] boxes = ForeignHeadFixtures.RandomPlane(400, seed: 23);
        float[] scores = ForeignHeadFixtures.RandomPlane(100, seed: 24);
        float[] labels = ForeignHeadFixtures.RandomPlane(100, seed: 25, max: 2.99f).Select(MathF.Floor).ToArray();
        var detections = new Detection[32];

        AssertNoAllocation(() => decoder.Decode(boxes, scores, labels, detections));
    }

    [Fact]
    public void YoloDecode_HundredDecodes_AllocateNothing()
    {
        // Random logits: many candidates, capped, overlapping: every path (heap eviction, sort, NMS, clip) runs.
        float[] output = ForeignHeadFixtures.RandomPlane(YoloTestRig.Rows * 9, seed: 26, min: -3, max: 3);
        var decoder = YoloTestRig.Decoder(sigmoidApplied: false, scoreThreshold: 0.05f, maxCandidates: 64);
        var detections = new Detection[16];
        DetectionDecodeResult probe = decoder.Decode(output, detections);
        Assert.True(probe.OverCandidateCap > 0 && probe.Suppressed > 0 && probe.OverCapacity > 0, $"the probe should exercise every path: {probe}");

        AssertNoAllocation(() => decoder.Decode(output, detections));
    }

    private static void AssertNoAllocation(Action decode)
    {
        Octopilot.Testing.JitWarmUp.ToFinalTier(decode);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            decode();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
