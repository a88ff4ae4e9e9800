using Octopilot.Core.Time;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.ForeignModel;

/// <summary>
/// The contract HydraNet as the manifest-less default of the foreign-model engine (its implied manifest): frames of any
/// size are stretched to its input, its maps come out on the frame's grid, its rows go through the contract checks.
/// Model: the tiny contract fixture (48x32 input, stride 4; maps = sigmoid(±m), 1 + m/64; rows = sigmoid(top-K m) in
/// every field: 1.0 once m is large, as for random bytes, so every row is class 1 at input (1, 1), 1x1 px, 1 m deep).
/// </summary>
public sealed class ContractModelThroughForeignEngineTests
{
    /// <param name="nmsIou">Off by default here: the fixture's rows are all the same box, which suppression folds into one.</param>
    private static ForeignModelEngine Open(int frameW, int frameH, int cameras, float nmsIou = DetectionOverlapSuppression.Off) => ForeignModelEngine.OpenContract(
        new InferenceOptions { ModelPath = ModelFixtures.Path("valid.onnx"), IntraOpThreads = 1, ObjectNmsIou = nmsIou },
        Enumerable.Range(0, cameras).Select(c => $"cam{c}").ToArray(), frameW, frameH, [], MonotonicClock.Instance, TextWriter.Null);

    private static byte[] RandomFrame(int w, int h, int seed)
    {
        var bytes = new byte[w * h * 3];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    [Fact]
    public void Run_FramesAtTheInputSize_InputIsTheFrameAndMapsAreTheOutputs()
    {
        using ForeignModelEngine engine = Open(48, 32, 2);
        PerceptionFrameSet results = engine.CreateResults();
        byte[][] frames = [RandomFrame(48, 32, 1), RandomFrame(48, 32, 2)];

        engine.Run(new MemoryFrames([frames[0], frames[1]]), results);

        Assert.Equal(2, engine.Binding.ImagesPerRun); // dynamic batch: one run for the set
        Assert.Equal(frames.SelectMany(f => f).ToArray(), engine.Input.Bytes.ToArray());
        Assert.Equal((ModelFixtures.WidthPx / ModelFixtures.Stride, ModelFixtures.HeightPx / ModelFixtures.Stride), (results.MapWidth, results.MapHeight));
        for (int camera = 0; camera < 2; camera++)
        {
            AssertEqualMaps(engine.Heads.RawOutput(ModelContract.LanesOutput).Slice(camera * 96, 96), results.Map(HeadKind.Lanes, camera));
            AssertEqualMaps(engine.Heads.RawOutput(ModelContract.DepthOutput).Slice(camera * 96, 96), results.Map(HeadKind.Depth, camera));
            Assert.True(results.Cameras[camera].IsValid(HeadKind.Drivable));
        }
    }

    [Fact]
    public void Run_FramesTwiceTheInputSize_MapsOnTheFrameGridEqualTheOutputsAndRowsScaleToTheFrame()
    {
        using ForeignModelEngine engine = Open(96, 64, 1);
        PerceptionFrameSet results = engine.CreateResults();

        engine.Run(new MemoryFrames([RandomFrame(96, 64, 3)]), results);

        // Stride 4 · 2 = 8 frame px: cell (i, j)'s centre lands exactly on output pixel (i, j), so no blending.
        Assert.Equal((12, 8), (results.MapWidth, results.MapHeight));
        AssertEqualMaps(engine.Heads.RawOutput(ModelContract.DrivableOutput), results.Map(HeadKind.Drivable, 0));
        Assert.Equal(ModelFixtures.MaxObjects, results.Cameras[0].DetectionCount);
        Assert.All(results.Cameras[0].Detections.ToArray(), d =>
            Assert.Equal(new Detection(1f, 1, 1.5f, 1.5f, 2f, 2f, 1f, RangeSource.ObjectDepth), d)); // input px × 2 (edges), less 0.5 (centres); depth unchanged
        Assert.Equal(0, engine.Counters.DetectionsRejected(0));
    }

    [Fact]
    public void Run_DefaultNms_TheFixturesIdenticalRowsBecomeOneDetection()
    {
        using ForeignModelEngine engine = Open(96, 64, 1, DetectionOverlapSuppression.DefaultIouThreshold);
        PerceptionFrameSet results = engine.CreateResults();

        engine.Run(new MemoryFrames([RandomFrame(96, 64, 3)]), results);

        Assert.Equal(1, results.Cameras[0].DetectionCount);
        Assert.Equal(new Detection(1f, 1, 1.5f, 1.5f, 2f, 2f, 1f, RangeSource.ObjectDepth), results.Cameras[0].Detections[0]);
        Assert.Equal(0, engine.Counters.DetectionsRejected(0)); // a duplicate is not a rejected row
    }

    private static void AssertEqualMaps(ReadOnlySpan<float> expected, ReadOnlySpan<float> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-6);
        }
    }
}
