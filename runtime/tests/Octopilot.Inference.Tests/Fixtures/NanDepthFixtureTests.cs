using Microsoft.ML.OnnxRuntime;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Tests.Infrastructure;

namespace Octopilot.Inference.Tests.Fixtures;

/// <summary>
/// Pins the documented behaviour of nan-depth.onnx (other tests build on it): images[n,0,0,0] = 250 makes image n's
/// depth +Inf, 251 makes it NaN, anything else gives finite depth; the other heads stay finite.
/// </summary>
public sealed class NanDepthFixtureTests
{
    private const int Batch = 3;
    private const int MapCells = 8 * 12;

    [Fact]
    public void Run_TriggerPixels_GiveInfForImage0NanForImage1FiniteForImage2()
    {
        var images = new byte[Batch * ModelFixtures.HeightPx * ModelFixtures.WidthPx * 3];
        int imageBytes = images.Length / Batch;
        images[0] = ModelFixtures.DepthInfTrigger;
        images[imageBytes] = ModelFixtures.DepthNanTrigger;
        images[2 * imageBytes] = 249; // one below the triggers: must stay finite

        (float[] depth, float[] lanes) = Run(images);

        Assert.All(depth[..MapCells], d => Assert.True(float.IsPositiveInfinity(d), $"image 0 depth {d}"));
        Assert.All(depth[MapCells..(2 * MapCells)], d => Assert.True(float.IsNaN(d), $"image 1 depth {d}"));
        Assert.All(depth[(2 * MapCells)..], d => Assert.True(float.IsFinite(d) && d > 0, $"image 2 depth {d}"));
        Assert.All(lanes, l => Assert.True(float.IsFinite(l)));
    }

    [Fact]
    public void Run_NoTrigger_AllDepthFiniteAndPositive()
    {
        var images = new byte[Batch * ModelFixtures.HeightPx * ModelFixtures.WidthPx * 3];
        Array.Fill(images, (byte)255);

        (float[] depth, _) = Run(images);

        Assert.All(depth, d => Assert.True(float.IsFinite(d) && d > 0, $"depth {d}"));
    }

    private static (float[] Depth, float[] Lanes) Run(byte[] images)
    {
        using InferenceSession session = ModelFile.OpenForInspection(ModelFixtures.Path("nan-depth.onnx"));
        using OrtValue input = OrtValue.CreateTensorValueFromMemory(images, [Batch, ModelFixtures.HeightPx, ModelFixtures.WidthPx, 3]);
        using var options = new RunOptions();
        using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(options, ["images"], [input], ["depth", "lanes"]);
        return (outputs[0].GetTensorDataAsSpan<float>().ToArray(), outputs[1].GetTensorDataAsSpan<float>().ToArray());
    }
}
