using Octopilot.Core.Configuration;
using System.Text.Json;
using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Tests.ForeignHeads;

namespace Octopilot.Inference.Tests.ForeignModel;

/// <summary>
/// The manifest path end to end on the PyTorch-exported foreign models: the engine's preprocessed input equals
/// PyTorch's, ONNX Runtime's outputs on it equal PyTorch's, and the decoded maps and detections equal the reference
/// decode of those outputs (onnx/foreign/README.md states the rules).
/// </summary>
public sealed class ForeignModelEngineFixtureTests
{
    public static TheoryData<string> Cases() =>
        ["seg-nchw-meanstd-bgr", "yolo-nhwc-letterbox", "yolo-sigmoid-applied-uint8", "boxes-decoded-fp16", "depth-dynamic-batch"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_PreprocessedInput_EqualsPyTorchInput(string caseName)
    {
        ForeignFixture fixture = ForeignFixture.Load(caseName);
        using ForeignModelEngine engine = fixture.Open();
        PerceptionFrameSet results = engine.CreateResults();

        // A batch-1 model runs once per camera and the tensor then holds the last camera's image; every fixture with one
        // image per run has one camera.
        engine.Run(fixture.MemoryFrames(), results);

        JsonElement input = fixture.Reference.GetProperty("input");
        switch (engine.Preprocessor.ElementType)
        {
            case InputElementType.Float32:
                AssertClose(fixture.Floats("input.bin"), engine.Input.Floats.ToArray(), 1e-4, "float32 input");
                break;
            case InputElementType.Float16:
                float[] expected = fixture.Halves("input.bin").Select(h => (float)h).ToArray();
                AssertClose(expected, engine.Input.Halves.ToArray().Select(h => (float)h).ToArray(), 4e-3, "float16 input");
                break;
            default:
            {
                byte[] want = fixture.Bytes("input.bin");
                byte[] got = engine.Input.Bytes.ToArray();
                Assert.Equal(want.Length, got.Length);
                int ties = input.TryGetProperty("uint8ExactHalfTies", out JsonElement t) ? t.GetInt32() : 0;
                int off = 0;
                for (int i = 0; i < want.Length; i++)
                {
                    Assert.True(Math.Abs(want[i] - got[i]) <= 1, $"byte {i}: {got[i]} vs PyTorch {want[i]}");
                    off += want[i] != got[i] ? 1 : 0;
                }

                Assert.True(off <= ties, $"{off} bytes differ by one; only the {ties} exact .5 ties may round either way");
                break;
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_RawOutputs_EqualPyTorchOutputs(string caseName)
    {
        ForeignFixture fixture = ForeignFixture.Load(caseName);
        using ForeignModelEngine engine = fixture.Open();
        var observer = new OutputCapture(fixture);
        engine.Run(fixture.MemoryFrames(), engine.CreateResults(), observer: observer);

        foreach (JsonElement output in fixture.Reference.GetProperty("outputs").EnumerateArray())
        {
            string name = output.GetProperty("name").GetString()!;
            float[] expected = fixture.Floats(output.GetProperty("file").GetString()!);
            bool half = output.GetProperty("modelDtype").GetString() == "float16";
            AssertClose(expected, observer.Captured[name], half ? 2e-2 : 2e-3, $"output {name}");
        }
    }

    [Theory]
    [InlineData("yolo-nhwc-letterbox")]
    [InlineData("yolo-sigmoid-applied-uint8")]
    [InlineData("boxes-decoded-fp16")]
    public void Run_Detections_EqualReferenceDecodeInFramePixels(string caseName)
    {
        ForeignFixture fixture = ForeignFixture.Load(caseName);
        using ForeignModelEngine engine = fixture.Open();
        PerceptionFrameSet results = engine.CreateResults();

        engine.Run(fixture.MemoryFrames(), results);

        JsonElement reference = fixture.Reference.GetProperty("detections");
        var items = reference.GetProperty("items").EnumerateArray().ToList();
        CameraPerception camera = results.Cameras[0];
        Assert.True(camera.IsValid(HeadKind.Objects));
        Assert.Equal(reference.GetProperty("count").GetInt32(), camera.DetectionCount);
        Assert.True(items.Count > 0, "the fixture plants objects");
        foreach (JsonElement item in items)
        {
            double[] box = item.GetProperty("boxFramePxClipped").EnumerateArray().Select(e => e.GetDouble()).ToArray();
            int classIndex = item.GetProperty("classIndex").GetInt32();
            Detection match = camera.Detections.ToArray()
                .Where(d => d.ClassIndex == classIndex)
                .MinBy(d => Math.Abs(d.CenterUPx - PixelConvention.EdgeToCentre((box[0] + box[2]) / 2)) + Math.Abs(d.CenterVPx - PixelConvention.EdgeToCentre((box[1] + box[3]) / 2)));
            // The reference decode writes pixel edges; a detection holds pixel centres.
            Assert.Equal(PixelConvention.EdgeToCentre((box[0] + box[2]) / 2), match.CenterUPx, 0.05);
            Assert.Equal(PixelConvention.EdgeToCentre((box[1] + box[3]) / 2), match.CenterVPx, 0.05);
            Assert.Equal(box[2] - box[0], match.WidthPx, 0.1);
            Assert.Equal(box[3] - box[1], match.HeightPx, 0.1);
            Assert.Equal(item.GetProperty("score").GetDouble(), match.Score, 2e-3);
            Assert.Equal(RangeSource.GroundContact, match.Range); // no focal length given, no depth head
        }
    }

    [Fact]
    public void Run_SegmentationHeads_AreTheActivatedOutputsResampledOntoTheRuntimeGrid()
    {
        ForeignFixture fixture = ForeignFixture.Load("seg-nchw-meanstd-bgr");
        using ForeignModelEngine engine = fixture.Open();
        PerceptionFrameSet results = engine.CreateResults();

        engine.Run(fixture.MemoryFrames(), results);

        // seg [1,2,96,160] softmax channel 1 → drivable; lanes [1,1,48,80] sigmoid → lanes. Stride 8 over 224x144: 28x18.
        Assert.Equal((28, 18), (results.MapWidth, results.MapHeight));
        float[] seg = fixture.Floats("seg.bin");
        float[] drivable = new float[96 * 160];
        for (int i = 0; i < drivable.Length; i++)
        {
            drivable[i] = (float)(1 / (1 + Math.Exp(seg[i] - seg[i + drivable.Length])));
        }

        float[] lanes = fixture.Floats("lanes.bin").Select(x => (float)ForeignHeadFixtures.Sigmoid(x)).ToArray();
        FrameInputGeometry geometry = engine.Heads.Geometry;
        AssertMap(ForeignHeadFixtures.ReferenceMap(drivable, 160, 96, geometry, 28, 18, 8, 8).Map, results.Map(HeadKind.Drivable, 0), 2e-3);
        AssertMap(ForeignHeadFixtures.ReferenceMap(lanes, 80, 48, geometry, 28, 18, 8, 8).Map, results.Map(HeadKind.Lanes, 0), 2e-3);
        Assert.True(results.Cameras[0].IsValid(HeadKind.Lanes) && results.Cameras[0].IsValid(HeadKind.Drivable));
        Assert.False(results.Cameras[0].IsValid(HeadKind.Depth));
        Assert.False(results.Cameras[0].IsValid(HeadKind.Objects));
    }

    [Fact]
    public void Run_DynamicBatchDepth_OneRunForTwoCamerasEachGetsItsOwnMetricMap()
    {
        ForeignFixture fixture = ForeignFixture.Load("depth-dynamic-batch");
        using ForeignModelEngine engine = fixture.Open();
        PerceptionFrameSet results = engine.CreateResults();
        Assert.Equal(2, engine.Binding.ImagesPerRun);

        engine.Run(fixture.MemoryFrames(), results);

        // depth [2,1,48,80] inverse (1/m); stride 4 over 200x150: 50x37 whole cells.
        float[] inverse = fixture.Floats("depth.bin");
        for (int camera = 0; camera < 2; camera++)
        {
            float[] metres = inverse.AsSpan(camera * 48 * 80, 48 * 80).ToArray().Select(v => 1 / v).ToArray();
            (double[] expected, _) = ForeignHeadFixtures.ReferenceMap(metres, 80, 48, engine.Heads.Geometry, 50, 37, 4, 4);
            AssertMap(expected, results.Map(HeadKind.Depth, camera), 1e-3, relative: true);
            Assert.True(results.Cameras[camera].IsValid(HeadKind.Depth));
        }

        Assert.NotEqual(results.Map(HeadKind.Depth, 0).ToArray(), results.Map(HeadKind.Depth, 1).ToArray());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_SteadyState_AllocatesNothing(string caseName)
    {
        ForeignFixture fixture = ForeignFixture.Load(caseName);
        using ForeignModelEngine engine = fixture.Open([500, 500]);
        PerceptionFrameSet results = engine.CreateResults();
        MemoryFrames frames = fixture.MemoryFrames();
        for (int i = 0; i < 10; i++)
        {
            engine.Run(frames, results);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            engine.Run(frames, results, setSequence: i);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("unknown-input-name.json", "$.input.name: must be one of the model's inputs (images) (got \"image\")")]
    [InlineData("yolo-anchor-count.json", "$.heads[0].anchors: strides [8, 16, 32] with [3, 3, 2] anchors on 160x96 give 930 rows, the output \"pred\" has 945")]
    public void Open_WrongManifest_RefusedNamingTheFieldAndTheRule(string file, string fragment)
    {
        ForeignFixture good = ForeignFixture.Load("yolo-nhwc-letterbox");
        ModelManifest bad = ModelManifestFile.Load(Path.Combine(ForeignFixture.Root, "bad", file));

        ConfigException e = Assert.Throws<ConfigException>(() => ForeignModelEngine.Open(
            new Octopilot.Inference.Engine.InferenceOptions { ModelPath = Path.Combine(good.Folder, "model.onnx") }, bad, ["front"], 256, 128, [],
            Octopilot.Core.Time.MonotonicClock.Instance, TextWriter.Null));

        Assert.Contains(fragment, e.Message);
        Assert.Contains(file, e.Message);
    }

    private static void AssertClose(float[] expected, float[] actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        double worst = 0;
        int at = 0;
        for (int i = 0; i < expected.Length; i++)
        {
            double error = Math.Abs(expected[i] - actual[i]) / Math.Max(1, Math.Abs(expected[i]));
            if (error > worst)
            {
                (worst, at) = (error, i);
            }
        }

        Assert.True(worst <= tolerance, $"{what}: element {at} is {actual[at]}, PyTorch {expected[at]} (error {worst:G3} > {tolerance})");
    }

    private static void AssertMap(double[] expected, ReadOnlySpan<float> actual, double tolerance, bool relative = false)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double scale = relative ? Math.Max(1, Math.Abs(expected[i])) : 1;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * scale, $"cell {i}: {actual[i]} vs reference {expected[i]}");
        }
    }

    /// <summary>Copies each raw output (as floats, all images of the run) when the engine decodes it.</summary>
    private sealed class OutputCapture(ForeignFixture fixture) : IForeignOutputObserver
    {
        public Dictionary<string, float[]> Captured { get; } = [];

        public void OnImage(int camera, int batchIndex, ForeignHeadSet heads)
        {
            foreach (JsonElement output in fixture.Reference.GetProperty("outputs").EnumerateArray())
            {
                string name = output.GetProperty("name").GetString()!;
                Captured[name] = heads.RawOutput(name).ToArray();
            }
        }
    }
}
