using System.Runtime.InteropServices;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Inference.Manifest;
using Octopilot.Inference.Preprocessing;

namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// The foreign model's input: one pinned array of the model's element type (float32, float16 or uint8), wrapped once in
/// an OrtValue, that the <see cref="FramePreprocessor"/> writes image by image. This is the manifest path's one copy
/// (frame slab → model input, fused with resize, channel order and scaling). Owned by the engine; disposed with it.
/// </summary>
internal sealed class ModelInputTensor : IDisposable
{
    private readonly FramePreprocessor _preprocessor;
    private readonly float[]? _float;
    private readonly Half[]? _half;
    private readonly byte[]? _byte;
    private readonly GCHandle _pin;

    public ModelInputTensor(FramePreprocessor preprocessor)
    {
        _preprocessor = preprocessor;
        int elements = preprocessor.TensorElements;
        long[] shape = preprocessor.Layout == TensorLayout.Nchw
            ? [preprocessor.BatchSize, 3, preprocessor.InputHeightPx, preprocessor.InputWidthPx]
            : [preprocessor.BatchSize, preprocessor.InputHeightPx, preprocessor.InputWidthPx, 3];
        (Array array, TensorElementType type, int elementBytes) = preprocessor.ElementType switch
        {
            InputElementType.Float16 => (_half = new Half[elements], TensorElementType.Float16, 2),
            InputElementType.Uint8 => ((Array)(_byte = new byte[elements]), TensorElementType.UInt8, 1),
            _ => (_float = new float[elements], TensorElementType.Float, 4),
        };

        // Pinned for the binding's whole life: ORT keeps the address.
        _pin = GCHandle.Alloc(array, GCHandleType.Pinned);
        Value = OrtValue.CreateTensorValueWithData(
            OrtMemoryInfo.DefaultInstance, type, shape, _pin.AddrOfPinnedObject(), (long)elements * elementBytes);
    }

    public OrtValue Value { get; }

    /// <summary>Bytes written per image (what the one copy costs in memory traffic).</summary>
    public int BytesPerImage => _preprocessor.ElementsPerImage * (_float is not null ? 4 : _half is not null ? 2 : 1);

    /// <summary>Preprocesses <paramref name="frameRgb"/> into image <paramref name="batchIndex"/> of the tensor.</summary>
    public void Write(ReadOnlySpan<byte> frameRgb, int batchIndex)
    {
        if (_float is not null)
        {
            _preprocessor.Write(frameRgb, _float, batchIndex);
        }
        else if (_half is not null)
        {
            _preprocessor.Write(frameRgb, _half, batchIndex);
        }
        else
        {
            _preprocessor.Write(frameRgb, _byte!, batchIndex);
        }
    }

    /// <summary>The tensor as floats (tests compare it with PyTorch's input); float32 inputs only.</summary>
    internal ReadOnlySpan<float> Floats => _float;

    internal ReadOnlySpan<Half> Halves => _half;

    internal ReadOnlySpan<byte> Bytes => _byte;

    public void Dispose()
    {
        Value.Dispose();
        if (_pin.IsAllocated)
        {
            _pin.Free();
        }
    }
}
