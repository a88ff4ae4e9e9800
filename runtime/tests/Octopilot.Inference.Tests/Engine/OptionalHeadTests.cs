using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>The optional solid_lines head: a four-head model runs as before and reports solid lines absent, not broken.</summary>
public sealed class OptionalHeadTests
{
    [Fact]
    public void Run_FourHeadModel_SolidLinesInvalidOthersValidNothingCounted()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = ModelFixtures.Path("valid.onnx") }, cameras: 2);
        byte[] frame = new byte[harness.Pool[0].SlotBytes];

        harness.RunSet(_ => frame);

        Assert.False(harness.Engine.Contract.HasSolidLines);
        Assert.True(harness.Results.Maps(HeadKind.SolidLines).IsEmpty);
        foreach (CameraPerception camera in harness.Results.Cameras)
        {
            Assert.False(camera.IsValid(HeadKind.SolidLines));
            Assert.True(camera.IsValid(HeadKind.Lanes) && camera.IsValid(HeadKind.Drivable) && camera.IsValid(HeadKind.Depth) && camera.IsValid(HeadKind.Objects));
        }

        Assert.Equal(0, harness.Engine.Counters.TotalNonFiniteOutputs());
    }

    [Fact]
    public void Run_TinyModel_SolidLinesValidAndProbabilities()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = TinyModelFiles.Model }, cameras: 1);
        byte[] frame = new byte[harness.Pool[0].SlotBytes];

        harness.RunSet(_ => frame);

        Assert.True(harness.Results.Cameras[0].IsValid(HeadKind.SolidLines));
        ReadOnlySpan<float> map = harness.Results.Map(HeadKind.SolidLines, 0);
        Assert.Equal(harness.Results.MapHeight * harness.Results.MapWidth, map.Length);
        foreach (float p in map)
        {
            Assert.InRange(p, 0f, 1f); // sigmoid in the graph
        }
    }
}
