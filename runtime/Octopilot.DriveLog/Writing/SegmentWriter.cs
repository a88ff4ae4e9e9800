using Microsoft.Win32.SafeHandles;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Writing;

/// <summary>
/// Writes one segment file: the header, then records appended through an own buffer. Owned by one thread (the
/// recorder's); not thread-safe. <see cref="FlushToOs"/> hands the buffered bytes to the kernel (they then survive the
/// process being killed); <see cref="Sync"/> also makes the kernel write them to the disk (they survive power loss).
/// Write failures (disk full, device gone) surface as <see cref="IOException"/> from the call that hit them; after one
/// the writer is <see cref="Faulted"/> and refuses further records, and the file holds every record written before
/// the failing write plus at most a partial last one (which a reader reports as truncated and skips).
/// </summary>
public sealed class SegmentWriter : IDisposable
{
    /// <summary>Default buffer: 1 MiB, so small records (commands, ticks) reach the kernel in large writes.</summary>
    public const int DefaultBufferBytes = 1 << 20;

    private readonly SafeFileHandle _file;
    private readonly byte[] _buffer;
    private int _buffered;
    private long _fileOffset;
    private bool _disposed;

    private SegmentWriter(string path, SafeFileHandle file, int bufferBytes)
    {
        Path = path;
        _file = file;
        _buffer = new byte[bufferBytes];
    }

    public string Path { get; }

    /// <summary>Bytes appended so far, header included (buffered or written).</summary>
    public long Length => _fileOffset + _buffered;

    /// <summary>Records appended.</summary>
    public long RecordCount { get; private set; }

    /// <summary>A write failed; the segment is closed for records.</summary>
    public bool Faulted { get; private set; }

    /// <summary>Creates the file (never overwrites: an existing file is an error) and writes the header into the buffer.</summary>
    public static SegmentWriter Create(string path, SegmentInfo info, int bufferBytes = DefaultBufferBytes) =>
        Open(path, FileMode.CreateNew, info, bufferBytes, writeHeader: true);

    /// <summary>
    /// Test seam: writes a segment into an existing file such as /dev/full (every write fails with ENOSPC). Without
    /// <paramref name="writeHeader"/> the first write is the first record's (a disk that fills up mid-segment).
    /// </summary>
    internal static SegmentWriter OpenExisting(string path, SegmentInfo info, int bufferBytes = DefaultBufferBytes, bool writeHeader = true) =>
        Open(path, FileMode.Open, info, bufferBytes, writeHeader);

    private static SegmentWriter Open(string path, FileMode mode, SegmentInfo info, int bufferBytes, bool writeHeader)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bufferBytes, 4096);
        byte[] header = SegmentHeader.Encode(info);
        SafeFileHandle file = File.OpenHandle(path, mode, FileAccess.Write, FileShare.Read);
        var writer = new SegmentWriter(path, file, Math.Max(bufferBytes, header.Length));
        if (writeHeader)
        {
            header.CopyTo(writer._buffer, 0);
            writer._buffered = header.Length;
        }

        return writer;
    }

    /// <summary>
    /// Appends one record. The payload is copied into the buffer, or written straight to the file when it does not
    /// fit (large frames: one write, no double buffering). No allocation.
    /// </summary>
    public void Append(RecordType type, RecordFlags flags, ushort streamId, long timestampNs, ReadOnlySpan<byte> payload)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (Faulted)
        {
            throw new InvalidOperationException($"segment {Path} is faulted by an earlier write error; open a new segment");
        }

        if (payload.Length > RecordHeader.MaxPayloadBytes)
        {
            throw new ArgumentException($"payload of {payload.Length} bytes is over the {RecordHeader.MaxPayloadBytes}-byte record limit", nameof(payload));
        }

        var header = new RecordHeader(type, flags, streamId, timestampNs, payload.Length, RecordHeader.Crc32C(payload));
        if (_buffer.Length - _buffered < RecordHeader.SizeBytes)
        {
            FlushToOs();
        }

        header.Write(_buffer.AsSpan(_buffered));
        _buffered += RecordHeader.SizeBytes;
        if (payload.Length <= _buffer.Length - _buffered)
        {
            payload.CopyTo(_buffer.AsSpan(_buffered));
            _buffered += payload.Length;
        }
        else
        {
            FlushToOs();
            Write(payload);
        }

        RecordCount++;
    }

    /// <summary>Writes the buffered bytes to the file (a kernel write; no fsync).</summary>
    public void FlushToOs()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_buffered == 0)
        {
            return;
        }

        int count = _buffered;
        _buffered = 0;
        Write(_buffer.AsSpan(0, count));
    }

    /// <summary><see cref="FlushToOs"/>, then fsync: the bytes are on the disk when this returns.</summary>
    public void Sync()
    {
        FlushToOs();
        try
        {
            RandomAccess.FlushToDisk(_file);
        }
        catch (IOException)
        {
            Faulted = true;
            throw;
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        try
        {
            RandomAccess.Write(_file, bytes, _fileOffset);
            _fileOffset += bytes.Length;
        }
        catch (IOException)
        {
            // A short write may have left part of the bytes in the file; the reader reports that tail as truncated.
            Faulted = true;
            throw;
        }
    }

    /// <summary>Flushes what is buffered (best effort when faulted) and closes the file. Does not fsync: call <see cref="Sync"/> first for that.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (!Faulted)
            {
                FlushToOs();
            }
        }
        finally
        {
            _disposed = true;
            _file.Dispose();
        }
    }
}
