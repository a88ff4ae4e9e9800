using Octopilot.Core.Frames;

namespace Octopilot.Pipeline.Slabs;

/// <summary>
/// Memory for one frame set, laid out exactly as the model input <c>[N, H, W, 3] uint8</c>: camera i of the set writes
/// slot i, rows packed, no padding. Besides the pixels it carries the set's metadata (who arrived, when, sync skew).
/// Owned by <see cref="FrameSlabPool"/>; the assembler moves it through <see cref="SlabState"/> under its lock, and
/// every field below is only written under that lock (or by the one camera that holds the slot's write grant).
/// </summary>
#pragma warning disable CA1001 // The native memory is freed by FrameSlabPool.Dispose, which owns every slab.
public sealed unsafe class FrameSlab
#pragma warning restore CA1001
{
    private readonly NativeSlabMemory _memory;
    private readonly long[] _startOfFrameNs;
    private readonly long[] _cameraSequence;

    internal FrameSlab(int index, int cameraCount, CameraMode mode)
    {
        Index = index;
        CameraCount = cameraCount;
        SlotBytes = mode.WidthPx * mode.HeightPx * 3;
        _memory = new NativeSlabMemory((nuint)((long)SlotBytes * cameraCount));
        _startOfFrameNs = new long[cameraCount];
        _cameraSequence = new long[cameraCount];
    }

    /// <summary>Position in the pool, stable for the slab's life (the inference engine binds one OrtValue per index).</summary>
    public int Index { get; }

    public int CameraCount { get; }

    /// <summary>Bytes of one camera's frame: H·W·3.</summary>
    public int SlotBytes { get; }

    /// <summary>Bytes of the whole slab: N·H·W·3.</summary>
    public long TotalBytes => (long)SlotBytes * CameraCount;

    /// <summary>Base address, 64-byte aligned, pinned for the life of the pool.</summary>
    public byte* BasePointer => _memory.Pointer;

    public SlabState State { get; internal set; }

    /// <summary>Bumped every time the slab returns to the pool, so a stale lease or slot is detected, not obeyed.</summary>
    public int Generation { get; internal set; }

    /// <summary>Shipping order of the set in this slab (0, 1, 2, … across the pipeline's life); −1 while filling.</summary>
    public long SetSequence { get; internal set; }

    /// <summary>Bit i set: camera i's frame is in the slab.</summary>
    public uint ArrivedMask { get; internal set; }

    /// <summary>Bit i set: camera i is writing its slot now.</summary>
    public uint WritingMask { get; internal set; }

    /// <summary>Earliest and latest start-of-frame of the arrived frames.</summary>
    public long MinStartOfFrameNs { get; internal set; }

    public long MaxStartOfFrameNs { get; internal set; }

    /// <summary>Clock time the first camera began writing; the set's deadline counts from here.</summary>
    public long OpenedNs { get; internal set; }

    public long DeadlineNs { get; internal set; }

    /// <summary>Clock time the set shipped (complete, or at its deadline).</summary>
    public long ShippedNs { get; internal set; }

    internal NativeSlabMemory Memory => _memory;

    /// <summary>Start-of-frame time of camera i's frame; meaningful only when its bit is in <see cref="ArrivedMask"/>.</summary>
    public long StartOfFrameNs(int camera) => _startOfFrameNs[camera];

    /// <summary>Device sequence number of camera i's frame; meaningful only when its bit is in <see cref="ArrivedMask"/>.</summary>
    public long CameraSequence(int camera) => _cameraSequence[camera];

    /// <summary>Slot i as a span. Valid while the caller holds the slot's write grant or the set's lease.</summary>
    public Span<byte> Slot(int camera) => new(BasePointer + ((long)SlotBytes * camera), SlotBytes);

    /// <summary>The whole slab as one span (the model input view).</summary>
    public ReadOnlySpan<byte> All => new(BasePointer, checked((int)TotalBytes));

    internal void SetFrame(int camera, long startOfFrameNs, long cameraSequence)
    {
        _startOfFrameNs[camera] = startOfFrameNs;
        _cameraSequence[camera] = cameraSequence;
    }

    /// <summary>Clears the set metadata when the slab is (re)opened for a new set. Pixels are not cleared: every shipped slot was fully written.</summary>
    internal void ResetForNewSet()
    {
        ArrivedMask = 0;
        WritingMask = 0;
        SetSequence = -1;
        MinStartOfFrameNs = long.MaxValue;
        MaxStartOfFrameNs = long.MinValue;
        OpenedNs = 0;
        DeadlineNs = 0;
        ShippedNs = 0;
    }

    internal void Free() => _memory.Dispose();
}
