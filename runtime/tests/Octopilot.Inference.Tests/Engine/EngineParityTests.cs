using System.Runtime.InteropServices;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>ONNX Runtime through the engine (input = slab, outputs = bound buffers) reproduces PyTorch's outputs.</summary>
public sealed class EngineParityTests
{
    // Relative + absolute, as onnx/README.md measured the two runtimes apart: outputs in metres and pixels (depth 21 m,
    // box sizes 100+ px) differ in float32 by more than an absolute 1e-4 while agreeing to 1.4e-5 relative.
    private const float RelativeTolerance = 1e-4f;
    private const float AbsoluteTolerance = 1e-5f;

    [Theory]
    [InlineData(HeadKind.Lanes, "lanes")]
    [InlineData(HeadKind.Drivable, "drivable")]
    [InlineData(HeadKind.Depth, "depth")]
    [InlineData(HeadKind.Objects, "objects")]
    [InlineData(HeadKind.SolidLines, "solid_lines")]
    public void Run_PyTorchSample_EveryHeadMatchesWithinTolerance(HeadKind head, string outputName)
    {
        (byte[] images, long[] imageShape) = TinyModelFiles.SampleTensor("images");
        int batch = (int)imageShape[0];
        int frameBytes = images.Length / batch;
        using var harness = new EngineHarness(new InferenceOptions { ModelPath = TinyModelFiles.Model }, cameras: batch);
        harness.RunSet(camera => images.AsMemory(camera * frameBytes, frameBytes));

        (byte[] expectedBytes, long[] expectedShape) = TinyModelFiles.SampleTensor(outputName);
        ReadOnlySpan<float> expected = MemoryMarshal.Cast<byte, float>(expectedBytes);
        ReadOnlySpan<float> actual = harness.Engine.Outputs.Raw(head);

        Assert.Equal(expectedShape.Aggregate(1L, (a, b) => a * b), actual.Length);
        float worstExcess = float.NegativeInfinity;
        int worst = -1;
        for (int i = 0; i < expected.Length; i++)
        {
            float error = Math.Abs(expected[i] - actual[i]);
            float excess = float.IsNaN(error) ? float.PositiveInfinity : error - (AbsoluteTolerance + (RelativeTolerance * Math.Abs(expected[i])));
            if (excess > worstExcess)
            {
                worstExcess = excess;
                worst = i;
            }
        }

        Assert.True(worstExcess <= 0,
            $"{outputName}: error {Math.Abs(expected[worst] - actual[worst])} at flat index {worst} (PyTorch {expected[worst]}, ORT {actual[worst]}) exceeds {AbsoluteTolerance} + {RelativeTolerance} x |PyTorch|");
    }

    [Fact]
    public void Run_PyTorchSample_DecodedDetectionsAreTheRowsAboveThreshold()
    {
        (byte[] images, long[] imageShape) = TinyModelFiles.SampleTensor("images");
        int batch = (int)imageShape[0];
        int frameBytes = images.Length / batch;
        // Suppression off: every row above the threshold is one detection (the default's NMS is the next test's).
        var options = new InferenceOptions { ModelPath = TinyModelFiles.Model, ObjectScoreThreshold = 0.05f, ObjectNmsIou = DetectionOverlapSuppression.Off };
        using var harness = new EngineHarness(options, cameras: batch);
        harness.RunSet(camera => images.AsMemory(camera * frameBytes, frameBytes));

        (byte[] objectBytes, long[] objectShape) = TinyModelFiles.SampleTensor("objects");
        ReadOnlySpan<float> rows = MemoryMarshal.Cast<byte, float>(objectBytes);
        int k = (int)objectShape[1];
        for (int camera = 0; camera < batch; camera++)
        {
            CameraPerception perception = harness.Results.Cameras[camera];
            Assert.True(perception.IsValid(HeadKind.Objects));
            int expectedCount = 0;
            for (int row = 0; row < k; row++)
            {
                expectedCount += rows[(((camera * k) + row) * 7) + 0] >= options.ObjectScoreThreshold ? 1 : 0;
            }

            Assert.Equal(expectedCount, perception.DetectionCount);
            foreach (Detection detection in perception.Detections)
            {
                Assert.InRange(detection.Score, options.ObjectScoreThreshold, 1f);
                Assert.InRange(detection.ClassIndex, 0, harness.Engine.Contract.Classes.Count - 1);
            }
        }
    }

    [Theory]
    [InlineData(ObjectRangePolicy.ModelDepth)]
    [InlineData(ObjectRangePolicy.GroundContact)]
    public void Run_ObjectRangePolicy_DetectionsCarryTheModelDepthOrNone(ObjectRangePolicy policy)
    {
        (byte[] images, long[] imageShape) = TinyModelFiles.SampleTensor("images");
        int batch = (int)imageShape[0];
        int frameBytes = images.Length / batch;
        var options = new InferenceOptions { ModelPath = TinyModelFiles.Model, ObjectScoreThreshold = 0.05f, ObjectRange = policy };
        using var harness = new EngineHarness(options, cameras: batch);
        harness.RunSet(camera => images.AsMemory(camera * frameBytes, frameBytes));

        (byte[] objectBytes, _) = TinyModelFiles.SampleTensor("objects");
        ReadOnlySpan<float> rows = MemoryMarshal.Cast<byte, float>(objectBytes);
        ReadOnlySpan<Detection> detections = harness.Results.Cameras[0].Detections;
        Assert.NotEmpty(detections.ToArray());
        foreach (Detection detection in detections)
        {
            if (policy == ObjectRangePolicy.ModelDepth)
            {
                Assert.Equal(RangeSource.ObjectDepth, detection.Range);
                Assert.True(detection.DepthM > 0, $"depth {detection.DepthM}");
            }
            else
            {
                Assert.Equal(RangeSource.GroundContact, detection.Range);
                Assert.Equal(0f, detection.DepthM);
            }
        }

        // The boxes do not depend on the policy: the first detection is the first row of the sample.
        Assert.Equal(PixelConvention.EdgeToCentre(rows[2]), detections[0].CenterUPx, 3); // the row's pixel edge as a centre
        Assert.Equal(rows[5], detections[0].HeightPx, 3);
    }

    [Fact]
    public void Run_PyTorchSampleDefaultNms_NoTwoKeptBoxesOverlapAboveTheIou()
    {
        (byte[] images, long[] imageShape) = TinyModelFiles.SampleTensor("images");
        int batch = (int)imageShape[0];
        int frameBytes = images.Length / batch;
        var options = new InferenceOptions { ModelPath = TinyModelFiles.Model, ObjectScoreThreshold = 0.05f };
        using var harness = new EngineHarness(options, cameras: batch);
        harness.RunSet(camera => images.AsMemory(camera * frameBytes, frameBytes));

        int kept = 0;
        for (int camera = 0; camera < batch; camera++)
        {
            Detection[] detections = harness.Results.Cameras[camera].Detections.ToArray();
            kept += detections.Length;
            for (int i = 0; i < detections.Length; i++)
            {
                for (int j = i + 1; j < detections.Length; j++)
                {
                    Assert.True(
                        detections[i].ClassIndex != detections[j].ClassIndex
                        || DetectionOverlapSuppression.IntersectionOverUnion(detections[i], detections[j]) <= options.ObjectNmsIou,
                        $"camera {camera}: detections {i} and {j} overlap above IoU {options.ObjectNmsIou}");
                }
            }
        }

        Assert.True(kept > 0, "the sample's images hold vehicles");
    }
}
