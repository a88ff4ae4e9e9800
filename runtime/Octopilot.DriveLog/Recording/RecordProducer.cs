using System.Buffers.Binary;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Recording;

/// <summary>
/// One producing thread's path into the recorder for small records (vehicle state, planner tick, command, world model,
/// events, frame-set markers): a single-producer / single-consumer byte ring, allocated once by
/// <see cref="DriveRecorder.CreateProducer(string, int)"/>. The producer copies each record into the ring and publishes
/// it with one release store; the recorder thread reads it with one acquire load. No lock, no allocation, no syscall,
/// never blocks: a full ring refuses the record (false, counted per type, and the recorder writes a
/// <see cref="DriveEventKind.CriticalRecordsLost"/> notice).
/// <para>Thread rule (the caller's promise, asserted in debug builds): <see cref="TryWrite"/> is called by one thread
/// only, the first that called it. Counters may be read from any thread. Records of one producer are written in the
/// order they were offered; their timestamps must not decrease (the recorder merges producers by timestamp).</para>
/// </summary>
public sealed class RecordProducer
{
    /// <summary>Smallest ring, bytes.</summary>
    public const int MinCapacityBytes = 4096;

    /// <summary>Largest ring, bytes (256 MiB).</summary>
    public const int MaxCapacityBytes = 256 << 20;

    /// <summary>Bytes in front of each payload in the ring: length, type, stream, timestamp.</summary>
    internal const int EntryHeaderBytes = 16;

    /// <summary>Written as the length where an entry did not fit before the end of the ring: continue at offset 0.</summary>
    private const int WrapMarker = -1;

    // Entry layout in the ring, 8-byte aligned so a wrap marker always fits in the unused tail:
    //  0 i32 payload length (or WrapMarker)   4 u8 type   5 u8 0   6 u16 stream id   8 i64 timestamp ns   16 payload
    private readonly byte[] _ring;
    private readonly int _capacity;
    private readonly DriveRecorder _recorder;
    private readonly long[] _lostByType = new long[RecorderStatistics.RecordTypeSlots];

    // Positions count bytes ever published / consumed; offset = position % capacity. Each on its own cache line.
    private PaddedPosition _write; // producer thread only writes
    private PaddedPosition _read;  // recorder thread only writes

    private long _written;
    private long _lost;
    private long _refused;
    private long _highWaterBytes;
    private int _ownerThreadId;

    // The recorder thread's view of the oldest unconsumed entry (valid while _hasHead).
    private bool _hasHead;
    private int _headOffset;
    private int _headLength;
    private int _headEntryBytes;
    private RecordType _headType;
    private ushort _headStreamId;
    private long _headTimestampNs;
    private long _lostReported;

    internal RecordProducer(DriveRecorder recorder, string name, int capacityBytes)
    {
        ValidateCapacity(capacityBytes, nameof(capacityBytes));
        _recorder = recorder;
        Name = name;
        _capacity = capacityBytes & ~7;
        _ring = GC.AllocateUninitializedArray<byte>(_capacity, pinned: false);
        MaxPayloadBytes = _capacity / 4 - EntryHeaderBytes;
    }

    /// <summary>The producer's name, as given at creation (used in loss notices).</summary>
    public string Name { get; }

    /// <summary>Ring size, bytes (rounded down to a multiple of 8).</summary>
    public int CapacityBytes => _capacity;

    /// <summary>Largest payload <see cref="TryWrite"/> accepts: a quarter of the ring less the entry header.</summary>
    public int MaxPayloadBytes { get; }

    /// <summary>Records accepted into the ring.</summary>
    public long RecordsWritten => Volatile.Read(ref _written);

    /// <summary>Records refused because the ring was full while recording: critical records lost.</summary>
    public long RecordsLost => Volatile.Read(ref _lost);

    /// <summary>Records refused because the recorder had stopped or failed (not losses of a running recorder).</summary>
    public long RecordsRefused => Volatile.Read(ref _refused);

    /// <summary>Fullest the ring was seen by the recorder thread at the start of a drain cycle, bytes.</summary>
    public long HighWaterBytes => Volatile.Read(ref _highWaterBytes);

    /// <summary>Records of one type lost to a full ring (types past the known ones share the slot of 0).</summary>
    public long RecordsLostOf(RecordType type) => Volatile.Read(ref _lostByType[RecorderStatistics.Slot(type)]);

    /// <summary>
    /// Copies one record into the ring. True: the recorder will write it. False: the ring is full (counted in
    /// <see cref="RecordsLost"/>) or the recorder stopped or failed (counted in <see cref="RecordsRefused"/>); the
    /// record is not recorded and nothing else happens. No allocation, no lock, never blocks.
    /// Throws only for a payload over <see cref="MaxPayloadBytes"/> (a sizing error, found on the first record).
    /// </summary>
    public bool TryWrite(RecordType type, ushort streamId, long timestampNs, ReadOnlySpan<byte> payload)
    {
        AssertOwnerThread();
        if (payload.Length > MaxPayloadBytes)
        {
            RecorderThrowHelper.ThrowPayloadTooLarge(Name, payload.Length, MaxPayloadBytes, nameof(payload));
        }

        if (!_recorder.AcceptsRecords)
        {
            Volatile.Write(ref _refused, _refused + 1);
            return false;
        }

        int entryBytes = EntryBytes(payload.Length);
        long write = _write.Value;
        int offset = (int)(write % _capacity);
        int toEnd = _capacity - offset;
        long needed = entryBytes <= toEnd ? entryBytes : toEnd + entryBytes;
        if (write + needed - Volatile.Read(ref _read.Value) > _capacity)
        {
            int slot = RecorderStatistics.Slot(type);
            Volatile.Write(ref _lostByType[slot], _lostByType[slot] + 1);
            Volatile.Write(ref _lost, _lost + 1);
            return false;
        }

        if (entryBytes > toEnd)
        {
            BinaryPrimitives.WriteInt32LittleEndian(_ring.AsSpan(offset), WrapMarker);
            offset = 0;
        }

        Span<byte> entry = _ring.AsSpan(offset, entryBytes);
        BinaryPrimitives.WriteInt32LittleEndian(entry, payload.Length);
        entry[4] = (byte)type;
        entry[5] = 0;
        BinaryPrimitives.WriteUInt16LittleEndian(entry[6..], streamId);
        BinaryPrimitives.WriteInt64LittleEndian(entry[8..], timestampNs);
        payload.CopyTo(entry[EntryHeaderBytes..]);

        // Release: the entry's bytes are visible to the recorder thread before the new position is.
        Volatile.Write(ref _write.Value, write + needed);
        Volatile.Write(ref _written, _written + 1);
        return true;
    }

    /// <summary><see cref="TryWrite"/> of a struct's bytes as they lie in memory (a fixed-layout payload, little-endian on every target we run on).</summary>
    public bool TryWrite<T>(RecordType type, ushort streamId, long timestampNs, in T value)
        where T : unmanaged =>
        TryWrite(type, streamId, timestampNs, MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in value)));

    internal static void ValidateCapacity(int capacityBytes, string name)
    {
        if (capacityBytes is < MinCapacityBytes or > MaxCapacityBytes)
        {
            RecorderThrowHelper.ThrowCapacity(name, capacityBytes, $"a producer ring must be {MinCapacityBytes}..{MaxCapacityBytes} bytes");
        }
    }

    // ---- Recorder thread only below. ----

    /// <summary>Bytes published and not yet consumed; also updates <see cref="HighWaterBytes"/>.</summary>
    internal long MeasureFillUnsynchronized()
    {
        long fill = Volatile.Read(ref _write.Value) - _read.Value;
        if (fill > _highWaterBytes)
        {
            Volatile.Write(ref _highWaterBytes, fill);
        }

        return fill;
    }

    /// <summary>The published end, read once per drain pass: entries up to it are complete.</summary>
    internal long PublishedPositionUnsynchronized() => Volatile.Read(ref _write.Value);

    /// <summary>Loads the oldest entry below <paramref name="limit"/> into the head fields; false when there is none.</summary>
    internal bool TryLoadHeadUnsynchronized(long limit)
    {
        if (_hasHead)
        {
            return true;
        }

        long read = _read.Value;
        while (read < limit)
        {
            int offset = (int)(read % _capacity);
            int length = BinaryPrimitives.ReadInt32LittleEndian(_ring.AsSpan(offset));
            if (length == WrapMarker)
            {
                read += _capacity - offset;
                Volatile.Write(ref _read.Value, read);
                continue;
            }

            ReadOnlySpan<byte> entry = _ring.AsSpan(offset, EntryHeaderBytes);
            _headOffset = offset;
            _headLength = length;
            _headEntryBytes = EntryBytes(length);
            _headType = (RecordType)entry[4];
            _headStreamId = BinaryPrimitives.ReadUInt16LittleEndian(entry[6..]);
            _headTimestampNs = BinaryPrimitives.ReadInt64LittleEndian(entry[8..]);
            _hasHead = true;
            return true;
        }

        return false;
    }

    internal long HeadTimestampNs => _headTimestampNs;

    internal RecordType HeadType => _headType;

    internal ushort HeadStreamId => _headStreamId;

    /// <summary>The head's payload, in the ring: valid until <see cref="ConsumeHeadUnsynchronized"/>.</summary>
    internal ReadOnlySpan<byte> HeadPayload => _ring.AsSpan(_headOffset + EntryHeaderBytes, _headLength);

    /// <summary>Frees the head's bytes for the producer (release store of the read position).</summary>
    internal void ConsumeHeadUnsynchronized()
    {
        Debug.Assert(_hasHead, "no head loaded");
        _hasHead = false;
        Volatile.Write(ref _read.Value, _read.Value + _headEntryBytes);
    }

    /// <summary>Drops everything published (after a failure: the records are refused from now on anyway).</summary>
    internal void DiscardUnsynchronized()
    {
        _hasHead = false;
        Volatile.Write(ref _read.Value, Volatile.Read(ref _write.Value));
    }

    /// <summary>Losses not yet reported in a notice; marks them reported.</summary>
    internal long TakeUnreportedLossesUnsynchronized()
    {
        long lost = RecordsLost;
        long delta = lost - _lostReported;
        _lostReported = lost;
        return delta;
    }

    private static int EntryBytes(int payloadLength) => (EntryHeaderBytes + payloadLength + 7) & ~7;

    [Conditional("DEBUG")]
    private void AssertOwnerThread()
    {
        int current = Environment.CurrentManagedThreadId;
        int owner = Interlocked.CompareExchange(ref _ownerThreadId, current, 0);
        Debug.Assert(owner == 0 || owner == current, $"producer '{Name}' is written by thread {current} but owned by thread {owner}: one producer per thread");
    }

    /// <summary>A position alone on its cache line (128 bytes: adjacent-line prefetch pairs lines on x86).</summary>
    [StructLayout(LayoutKind.Explicit, Size = 128)]
    private struct PaddedPosition
    {
        [FieldOffset(64)]
        public long Value;
    }
}
