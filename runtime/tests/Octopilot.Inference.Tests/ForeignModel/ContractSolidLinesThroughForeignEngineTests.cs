using Octopilot.Core.Time;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Tests.Engine;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.ForeignModel;

/// <summary>The optional solid_lines head through the foreign-model engine's implied contract manifest.</summary>
public sealed class ContractSolidLinesThroughForeignEngineTests
{
    [Fact]
    public void OpenContract_TinyModel_ImpliesASolidLinesSegmentationHeadWhoseMapIsTheOutput()
    {
        using ForeignModelEngine engine = Open(TinyModelFiles.Model, 384, 288);
        PerceptionFrameSet results = engine.CreateResults();
        var frame = new byte[384 * 288 * 3];
        new Random(7).NextBytes(frame);

        engine.Run(new MemoryFrames([frame]), results);

        SegmentationHeadSpec spec = Assert.Single(
            Enumerable.Range(0, engine.Heads.SegmentationCount).Select(engine.Heads.Segmentation), s => s.Target == SegmentationTarget.SolidLines);
        Assert.Equal(("solid_lines", "solidLines"), (spec.Output, spec.TargetName));
        Assert.True(results.Cameras[0].IsValid(HeadKind.SolidLines));
        ReadOnlySpan<float> expected = engine.Heads.RawOutput(ModelContract.SolidLinesOutput);
        ReadOnlySpan<float> actual = results.Map(HeadKind.SolidLines, 0);
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6);
        }
    }

    [Fact]
    public void OpenContract_FourHeadModel_NoSolidLinesHeadAndItStaysInvalid()
    {
        using ForeignModelEngine engine = Open(ModelFixtures.Path("valid.onnx"), 48, 32);
        PerceptionFrameSet results = engine.CreateResults();

        engine.Run(new MemoryFrames([new byte[48 * 32 * 3]]), results);

        Assert.DoesNotContain(
            Enumerable.Range(0, engine.Heads.SegmentationCount).Select(engine.Heads.Segmentation), s => s.Target == SegmentationTarget.SolidLines);
        Assert.False(results.Cameras[0].IsValid(HeadKind.SolidLines));
        Assert.True(results.Cameras[0].IsValid(HeadKind.Lanes));
    }

    private static ForeignModelEngine Open(string model, int frameW, int frameH) => ForeignModelEngine.OpenContract(
        new InferenceOptions { ModelPath = model, IntraOpThreads = 1 }, ["cam0"], frameW, frameH, [], MonotonicClock.Instance, TextWriter.Null);
}
