using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Octopilot.Inference.Perception;

namespace Octopilot.Inference.Engine;

/// <summary>
/// The engine's output memory: one pinned float buffer per head present in the model, wrapped once in an OrtValue that
/// every slab's binding writes into. ORT writes, the decoder reads in place; nothing is copied. Owned by the engine;
/// contents valid until the next run.
/// </summary>
internal sealed class HeadOutputBuffers : IDisposable
{
    /// <summary>Fields per object row: score, class, u, v, w, h, depth (contract v1).</summary>
    public const int ObjectFields = 7;

    private readonly float[]?[] _buffers = new float[]?[HeadKinds.Count];
    private readonly OrtValue?[] _values = new OrtValue?[HeadKinds.Count];
    private readonly string?[] _outputNames = new string?[HeadKinds.Count];

    public HeadOutputBuffers(int batch, int mapHeight, int mapWidth, int maxObjects, IReadOnlyDictionary<HeadKind, string> outputNames)
        : this(batch, mapHeight, mapWidth, maxObjects, outputNames, bindToOrt: true)
    {
    }

    private HeadOutputBuffers(
        int batch, int mapHeight, int mapWidth, int maxObjects, IReadOnlyDictionary<HeadKind, string> outputNames, bool bindToOrt)
    {
        Batch = batch;
        MapHeight = mapHeight;
        MapWidth = mapWidth;
        MaxObjects = maxObjects;
        foreach ((HeadKind head, string name) in outputNames)
        {
            long[] shape = head == HeadKind.Objects ? [batch, maxObjects, ObjectFields] : [batch, 1, mapHeight, mapWidth];
            long length = shape.Aggregate(1L, (a, b) => a * b);

            // Pinned: ORT keeps the address for the binding's whole life.
            float[] buffer = GC.AllocateArray<float>(checked((int)length), pinned: true);
            _buffers[(int)head] = buffer;
            _outputNames[(int)head] = name;
            if (bindToOrt)
            {
                _values[(int)head] = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance, new Memory<float>(buffer), shape);
            }
        }
    }

    /// <summary>
    /// Buffers of the same layout that no ORT session writes (no native memory, nothing to bind): for perception that
    /// does not come from the engine (tests, benchmarks, and later the oracle perception). Writers use <see cref="WritableCameraMap"/>.
    /// </summary>
    public static HeadOutputBuffers CreateUnbound(int batch, int mapHeight, int mapWidth, int maxObjects, IReadOnlyDictionary<HeadKind, string> outputNames) =>
        new(batch, mapHeight, mapWidth, maxObjects, outputNames, bindToOrt: false);

    public int Batch { get; }

    public int MapHeight { get; }

    public int MapWidth { get; }

    public int MaxObjects { get; }

    public int MapLength => MapHeight * MapWidth;

    public bool Has(HeadKind head) => _buffers[(int)head] is not null;

    /// <summary>Binds every head output to its buffer (once per slab binding, at start-up).</summary>
    public void BindAll(OrtIoBinding binding)
    {
        for (int head = 0; head < _values.Length; head++)
        {
            if (_values[head] is OrtValue value)
            {
                binding.BindOutput(_outputNames[head]!, value);
            }
        }
    }

    public ReadOnlySpan<float> CameraMap(HeadKind head, int camera) =>
        _buffers[(int)head] is float[] buffer ? buffer.AsSpan(camera * MapLength, MapLength) : ReadOnlySpan<float>.Empty;

    public ReadOnlySpan<float> CameraObjects(int camera) =>
        _buffers[(int)HeadKind.Objects] is float[] buffer ? buffer.AsSpan(camera * MaxObjects * ObjectFields, MaxObjects * ObjectFields) : ReadOnlySpan<float>.Empty;

    /// <summary>Writable view of one camera's map (unbound buffers only: a bound buffer belongs to ORT during a run).</summary>
    public Span<float> WritableCameraMap(HeadKind head, int camera) =>
        _buffers[(int)head] is float[] buffer ? buffer.AsSpan(camera * MapLength, MapLength) : Span<float>.Empty;

    /// <summary>Raw buffer of one head (tests and benchmarks compare against reference outputs).</summary>
    internal ReadOnlySpan<float> Raw(HeadKind head) => _buffers[(int)head] ?? ReadOnlySpan<float>.Empty;

    public void Dispose()
    {
        foreach (OrtValue? value in _values)
        {
            value?.Dispose();
        }
    }
}
