using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// One model output a head reads: a pinned buffer of the output's element type bound once, and the float view the
/// decoders read. Float32 outputs are bound as the float view itself (no copy); float16 and integer outputs (fp16 box
/// lists, int64 labels) are converted into it after each run, one pass over a small tensor. Owned by the engine.
/// </summary>
internal sealed class ModelOutputBuffer : IDisposable
{
    private readonly Array _native;
    private readonly GCHandle _pin;

    public ModelOutputBuffer(string name, TensorElementType type, int[] shape)
    {
        Name = name;
        Type = type;
        Shape = shape;
        long count = 1;
        foreach (int d in shape)
        {
            count *= d;
        }

        int elements = checked((int)count);
        ElementsPerImage = elements / shape[0];
        Floats = new float[elements];
        (_native, int elementBytes) = type switch
        {
            TensorElementType.Float => ((Array)Floats, 4),
            TensorElementType.Float16 => (new Half[elements], 2),
            TensorElementType.Int64 => (new long[elements], 8),
            TensorElementType.Int32 => (new int[elements], 4),
            _ => throw new ArgumentOutOfRangeException(nameof(type), type, $"output '{name}': only float32, float16, int64 and int32 outputs are read"),
        };
        _pin = GCHandle.Alloc(_native, GCHandleType.Pinned);
        Value = OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, type, Array.ConvertAll(shape, d => (long)d), _pin.AddrOfPinnedObject(), (long)elements * elementBytes);
    }

    public string Name { get; }

    public TensorElementType Type { get; }

    /// <summary>The output's shape for one run (batch axis first).</summary>
    public int[] Shape { get; }

    public int ElementsPerImage { get; }

    public OrtValue Value { get; }

    /// <summary>The output as floats, every image of the run.</summary>
    public float[] Floats { get; }

    /// <summary>Image <paramref name="batchIndex"/>'s slice of <see cref="Floats"/>.</summary>
    public ReadOnlySpan<float> Image(int batchIndex) => Floats.AsSpan(batchIndex * ElementsPerImage, ElementsPerImage);

    /// <summary>Brings <see cref="Floats"/> up to date after a run (nothing to do for float32 outputs).</summary>
    public void ConvertAfterRun()
    {
        float[] floats = Floats;
        switch (_native)
        {
            case Half[] halves:
                for (int i = 0; i < halves.Length; i++)
                {
                    floats[i] = (float)halves[i];
                }

                break;
            case long[] longs:
                for (int i = 0; i < longs.Length; i++)
                {
                    floats[i] = longs[i];
                }

                break;
            case int[] ints:
                for (int i = 0; i < ints.Length; i++)
                {
                    floats[i] = ints[i];
                }

                break;
        }
    }

    public void Dispose()
    {
        Value.Dispose();
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }
    }
}
