using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// (c) The pipeline as the ORT C# tutorials write it: a new tensor per set, a C# loop copying every pixel into it,
/// <c>session.Run</c> with named values, outputs read back as tensors and copied to arrays. Same model, batch and threads.
/// (The model normalises in its graph, so this loop only copies bytes; a float-input model would also scale each pixel here.)
/// </summary>
internal sealed class NaiveTutorialRunner
{
    private readonly InferenceSession _session;
    private readonly InferenceFixture _fixture;

    public NaiveTutorialRunner(InferenceFixture fixture)
    {
        _fixture = fixture;
        _session = fixture.Engine.Session;
    }

    public float Run()
    {
        int height = _fixture.Engine.InputHeightPx, width = _fixture.Engine.InputWidthPx;
        var tensor = new DenseTensor<byte>([InferenceFixture.Cameras, height, width, 3]);
        for (int camera = 0; camera < InferenceFixture.Cameras; camera++)
        {
            ReadOnlySpan<byte> frame = _fixture.Lease.Slab.Slot(camera);
            for (int y = 0; y < height; y++)
            {
                for (int x = 0; x < width; x++)
                {
                    for (int c = 0; c < 3; c++)
                    {
                        tensor[camera, y, x, c] = frame[(((y * width) + x) * 3) + c];
                    }
                }
            }
        }

        var inputs = new List<NamedOnnxValue> { NamedOnnxValue.CreateFromTensor("images", tensor) };
        using IDisposableReadOnlyCollection<DisposableNamedOnnxValue> outputs = _session.Run(inputs);
        float checksum = 0;
        foreach (DisposableNamedOnnxValue output in outputs)
        {
            float[] values = output.AsTensor<float>().ToArray();
            checksum += values[0];
        }

        return checksum;
    }
}
