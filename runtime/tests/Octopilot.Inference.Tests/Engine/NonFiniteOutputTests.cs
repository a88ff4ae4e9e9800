using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>NaN or Inf in a head: counted, that camera's head marked invalid for that set, nothing else affected.</summary>
public sealed class NonFiniteOutputTests
{
    [Fact]
    public void Run_DepthNanAndInfForTwoCameras_MarksOnlyThoseDepthsInvalidAndCountsThem()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = ModelFixtures.Path("nan-depth.onnx") }, cameras: 3);
        byte[][] frames = Enumerable.Range(0, 3).Select(_ => new byte[harness.Pool[0].SlotBytes]).ToArray();
        frames[0][0] = ModelFixtures.DepthInfTrigger;
        frames[1][0] = ModelFixtures.DepthNanTrigger;

        harness.RunSet(camera => frames[camera]);

        Assert.False(harness.Results.Cameras[0].IsValid(HeadKind.Depth), "+Inf depth must be rejected");
        Assert.False(harness.Results.Cameras[1].IsValid(HeadKind.Depth), "NaN depth must be rejected");
        Assert.True(harness.Results.Cameras[2].IsValid(HeadKind.Depth));
        foreach (HeadKind head in new[] { HeadKind.Lanes, HeadKind.Drivable, HeadKind.Objects })
        {
            Assert.All(harness.Results.Cameras, camera => Assert.True(camera.IsValid(head), $"{head} of camera {camera.Camera}"));
        }

        Assert.Equal(1, harness.Engine.Counters.NonFiniteOutputs(0, HeadKind.Depth));
        Assert.Equal(1, harness.Engine.Counters.NonFiniteOutputs(1, HeadKind.Depth));
        Assert.Equal(0, harness.Engine.Counters.NonFiniteOutputs(2, HeadKind.Depth));
        Assert.Equal(2, harness.Engine.Counters.TotalNonFiniteOutputs());
    }

    [Fact]
    public void Run_NextSetFinite_CameraRecovers()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = ModelFixtures.Path("nan-depth.onnx") }, cameras: 2);
        byte[] bad = new byte[harness.Pool[0].SlotBytes];
        bad[0] = ModelFixtures.DepthNanTrigger;
        byte[] good = new byte[harness.Pool[0].SlotBytes];

        harness.RunSet(_ => bad);
        Assert.False(harness.Results.Cameras[0].IsValid(HeadKind.Depth));
        harness.RunSet(_ => good);

        Assert.True(harness.Results.Cameras[0].IsValid(HeadKind.Depth));
        Assert.Equal(1, harness.Engine.Counters.NonFiniteOutputs(0, HeadKind.Depth));
    }

    [Theory]
    [InlineData(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }, true)]
    [InlineData(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, float.NaN }, false)]
    [InlineData(new float[] { float.NegativeInfinity, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17 }, false)]
    [InlineData(new float[] { 1, 2, 3, 4, 5, 6, 7, float.PositiveInfinity, 9, 10, 11, 12, 13, 14, 15, 16, 17 }, false)]
    [InlineData(new float[] { float.MaxValue, -float.MaxValue, float.Epsilon }, true)]
    public void AllFinite_VectorAndTailPaths_DetectEveryNonFiniteValue(float[] values, bool expected) =>
        Assert.Equal(expected, HeadDecoder.AllFinite(values));
}
