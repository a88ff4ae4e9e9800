using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Inference.Tests.Engine;

public sealed class EngineBindTests
{
    [Fact]
    public void Bind_FramesOfAnotherSize_FailsNamingBothSizesAndTheFix()
    {
        using InferenceEngine engine = InferenceEngine.Open(new InferenceOptions { ModelPath = TinyModelFiles.Model }, new VirtualClock(), TextWriter.Null);
        using var pool = new FrameSlabPool(2, 8, new CameraMode(320, 240, PixelFormat.Rgb24, 15));

        var e = Assert.Throws<InferenceStartupException>(() => engine.Bind(pool, Enumerable.Range(0, 8).Select(i => $"c{i}").ToArray()));
        Assert.Contains("320x240", e.Message, StringComparison.Ordinal);
        Assert.Contains($"{engine.InputWidthPx}x{engine.InputHeightPx}", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_CameraMissingFromSet_MarksEveryHeadOfThatCameraInvalid()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = TinyModelFiles.Model }, cameras: 4);
        byte[] frame = new byte[harness.Pool[0].SlotBytes];

        harness.RunSet(_ => frame, present: camera => camera != 2);

        CameraPerception missing = harness.Results.Cameras[2];
        Assert.False(missing.FramePresent);
        Assert.All(Enum.GetValues<HeadKind>(), head => Assert.False(missing.IsValid(head)));
        Assert.Equal(0, missing.DetectionCount);
        Assert.True(harness.Results.Cameras[1].FramePresent);
        Assert.All(Enum.GetValues<HeadKind>(), head => Assert.True(harness.Results.Cameras[1].IsValid(head)));
        Assert.Equal(0, harness.Engine.Counters.TotalNonFiniteOutputs());
    }

    [Fact]
    public void Map_ValidCamera_IsAViewOfTheBoundOutputWithoutCopy()
    {
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = TinyModelFiles.Model }, cameras: 2);
        byte[] frame = new byte[harness.Pool[0].SlotBytes];
        harness.RunSet(_ => frame);

        ReadOnlySpan<float> lanes1 = harness.Results.Map(HeadKind.Lanes, 1);
        ReadOnlySpan<float> raw = harness.Engine.Outputs.Raw(HeadKind.Lanes);

        Assert.Equal(harness.Results.MapHeight * harness.Results.MapWidth, lanes1.Length);
        Assert.True(System.Runtime.CompilerServices.Unsafe.AreSame(
            ref System.Runtime.InteropServices.MemoryMarshal.GetReference(lanes1), ref System.Runtime.InteropServices.MemoryMarshal.GetReference(raw.Slice(lanes1.Length))));
        foreach (float p in lanes1)
        {
            Assert.InRange(p, 0f, 1f);
        }
    }
}
