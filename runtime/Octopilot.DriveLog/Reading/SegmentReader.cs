using System.IO.Pipelines;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// Reads the records of one segment file, front to back, through a <see cref="PipeReader"/>; owned by one thread, not
/// thread-safe. Every record handed out passed both CRCs. Damage never throws: the reader reports the lost byte range
/// (<see cref="Damages"/> and the <c>onDamage</c> callback) and resynchronises on the next position where a whole valid
/// record starts (FORMAT.md, "Records"). A corrupt segment header is damage too: the file is still scanned, since records
/// describe themselves. Only I/O errors (the file vanished, a device error) surface, as <see cref="IOException"/>.
/// <para>
/// Steady state allocates nothing per record: the pipe's segments come from <c>ArrayPool&lt;byte&gt;.Shared</c> and
/// go back to it; a record that straddles two pipe segments is copied into the scratch buffer, which grows to the
/// largest such record and is then reused (<see cref="SplitPayloadCopies"/> counts the copies).
/// </para>
/// Dispose returns the pipe's segments to the pool and closes the file; forgetting it keeps the file open until the
/// finalizer runs and leaves the segments to the GC (the pool then allocates new ones).
/// </summary>
public sealed partial class SegmentReader : IDisposable
{
    /// <summary>The record magic as it lies in the file ("OPRC"; <see cref="RecordHeader.Magic"/> little-endian).</summary>
    private static ReadOnlySpan<byte> MagicBytes => "OPRC"u8;

    private readonly PipeReader _pipe;
    private readonly Action<DriveLogDamage>? _onDamage;
    private readonly List<DriveLogDamage> _damages = [];

    /// <summary>A record header that straddles two pipe segments is copied here. Owned by this reader.</summary>
    private readonly byte[] _headerScratch = new byte[RecordHeader.SizeBytes];

    /// <summary>A payload that straddles pipe segments is copied here; <see cref="DriveRecord.Payload"/> may point into it. Owned by this reader; grows, never shrinks.</summary>
    private byte[] _scratch = [];

    /// <summary>Bytes of the record last handed out: consumed at the next call, so its payload stays valid until then.</summary>
    private long _pendingRecordBytes;

    private bool _disposed;

    private SegmentReader(string path, int segmentIndex, PipeReader pipe, Action<DriveLogDamage>? onDamage)
    {
        Path = path;
        SegmentIndex = segmentIndex;
        _pipe = pipe;
        _onDamage = onDamage;
    }

    /// <summary>Full path of the segment file.</summary>
    public string Path { get; }

    /// <summary>Index from the file name (<c>segment-NNNNNN.oplog</c>); -1 when the name carries none.</summary>
    public int SegmentIndex { get; }

    /// <summary>The segment header; null when it is corrupt (reported as <see cref="DriveLogDamageKind.CorruptSegmentHeader"/> or <see cref="DriveLogDamageKind.EmptySegment"/>).</summary>
    public SegmentInfo? Info { get; private set; }

    /// <summary>Bytes of the segment header; 0 when it is corrupt.</summary>
    public int HeaderBytes { get; private set; }

    /// <summary>Valid records handed out.</summary>
    public long RecordsRead { get; private set; }

    /// <summary>Payload bytes of the records handed out.</summary>
    public long PayloadBytesRead { get; private set; }

    /// <summary>File bytes the reader has moved past (header, records handed out, damage); the file length once <see cref="EndOfSegment"/>.</summary>
    public long BytesConsumed => _bufferOffset + _pendingRecordBytes;

    /// <summary>Payloads copied into the scratch buffer because they straddled two pipe segments (the cost a small <see cref="SegmentReaderOptions.BufferBytes"/> adds).</summary>
    public long SplitPayloadCopies { get; private set; }

    /// <summary>Size of the scratch buffer, bytes: the largest payload that straddled pipe segments, rounded up.</summary>
    public int ScratchBytes => _scratch.Length;

    /// <summary>The end of the file was reached; <see cref="TryReadNext"/> returns false from now on.</summary>
    public bool EndOfSegment { get; private set; }

    /// <summary>Damage found so far, in file order. Also passed to the <c>onDamage</c> callback as it is found.</summary>
    public IReadOnlyList<DriveLogDamage> Damages => _damages;

    /// <summary>
    /// Opens <paramref name="path"/> and reads its header. A corrupt header is reported, not thrown; a missing or
    /// unreadable file throws (<see cref="FileNotFoundException"/>, <see cref="IOException"/>, <see cref="UnauthorizedAccessException"/>).
    /// The file is opened with <see cref="FileShare.ReadWrite"/> so that a segment the recorder is still writing can be read.
    /// </summary>
    /// <param name="path">The segment file.</param>
    /// <param name="options">Buffering; <see cref="SegmentReaderOptions.Default"/> when null.</param>
    /// <param name="onDamage">Called on the reading thread with each damaged range as it is closed (in file order); may be null.</param>
    public static SegmentReader Open(string path, SegmentReaderOptions? options = null, Action<DriveLogDamage>? onDamage = null) =>
        Open(path, options, onDamage, scratch: []);

    /// <summary>
    /// <see cref="Open(string, SegmentReaderOptions?, Action{DriveLogDamage}?)"/> starting with <paramref name="scratch"/>
    /// as the scratch buffer: a <see cref="DriveReader"/> hands one segment's scratch to the next (<see cref="TakeScratch"/>),
    /// so a drive grows it once, not once per segment.
    /// </summary>
    internal static SegmentReader Open(string path, SegmentReaderOptions? options, Action<DriveLogDamage>? onDamage, byte[] scratch)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        options ??= SegmentReaderOptions.Default;
        string fullPath = System.IO.Path.GetFullPath(path);
        int segmentIndex = DriveFolder.TryParseSegmentIndex(fullPath, out int parsed) ? parsed : -1;

        // No FileStream buffer (the pipe is the buffer); SequentialScan asks the kernel for aggressive read-ahead.
        var file = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 0, FileOptions.SequentialScan);
        SegmentReader reader;
        try
        {
            var pipeOptions = new StreamPipeReaderOptions(
                bufferSize: options.BufferBytes,
                minimumReadSize: Math.Min(options.MinimumReadBytes, options.BufferBytes),
                leaveOpen: false);
            reader = new SegmentReader(fullPath, segmentIndex, PipeReader.Create(new SynchronousReadStream(file), pipeOptions), onDamage)
            {
                _scratch = scratch,
            };
        }
        catch
        {
            file.Dispose();
            throw;
        }

        try
        {
            reader.ReadSegmentHeader();
        }
        catch
        {
            reader.Dispose();
            throw;
        }

        return reader;
    }

    /// <summary>
    /// Moves to the next valid record. False at the end of the file (then for good). The previous record's payload is
    /// invalid from this call on. Damage met on the way is reported and skipped; I/O errors throw <see cref="IOException"/>.
    /// </summary>
    public bool TryReadNext(out DriveRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_pendingRecordBytes != 0)
        {
            Consume(_pendingRecordBytes);
            _pendingRecordBytes = 0;
        }

        while (!EndOfSegment)
        {
            if (!EnsureBuffered(RecordHeader.SizeBytes))
            {
                DamageTail();
                break;
            }

            long offset = _bufferOffset;
            if (!RecordHeader.TryRead(PeekHeader(), out RecordHeader header))
            {
                if (!DamageOpen)
                {
                    OpenDamage(DriveLogDamageKind.BadRecordHeader, "no valid record header here (magic 0x4352504F, header CRC-32C and length ≤ 64 MiB must all hold)");
                }

                SkipToNextMagic();
                continue;
            }

            long recordBytes = RecordHeader.SizeBytes + (long)header.PayloadLength;
            if (!EnsureBuffered(recordBytes))
            {
                if (!DamageOpen)
                {
                    OpenDamage(DriveLogDamageKind.TruncatedRecord,
                        $"{header.Type} record of {header.PayloadLength} payload bytes at offset {offset} is cut by the end of the file: {_buffer.Length - RecordHeader.SizeBytes} payload bytes present");
                }

                SkipToNextMagic();
                continue;
            }

            ReadOnlySpan<byte> payload = PeekPayload(header.PayloadLength);
            uint payloadCrc = RecordHeader.Crc32C(payload);
            if (payloadCrc != header.PayloadCrc)
            {
                if (!DamageOpen)
                {
                    OpenDamage(DriveLogDamageKind.PayloadCrcMismatch,
                        $"{header.Type} record at offset {offset}: payload CRC-32C 0x{payloadCrc:X8} over {header.PayloadLength} bytes, header says 0x{header.PayloadCrc:X8}");
                }

                SkipToNextMagic();
                continue;
            }

            CloseDamage();
            RecordsRead++;
            PayloadBytesRead += header.PayloadLength;
            _pendingRecordBytes = recordBytes;
            record = new DriveRecord(header, SegmentIndex, offset, payload);
            return true;
        }

        record = default;
        return false;
    }

    /// <summary>
    /// Hands the scratch buffer over to the caller (the next segment's reader) and leaves this reader with none. Only
    /// once the last payload handed out is no longer used: it may live in that buffer.
    /// </summary>
    internal byte[] TakeScratch()
    {
        byte[] scratch = _scratch;
        _scratch = [];
        return scratch;
    }

    /// <summary>Releases the pipe's buffers and closes the file. Payloads handed out are invalid afterwards.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _pipe.Complete();
    }

    private void ReadSegmentHeader()
    {
        const int prefixBytes = 16;
        if (!EnsureBuffered(prefixBytes))
        {
            if (_buffer.Length == 0)
            {
                EndOfSegment = true;
                Report(new DriveLogDamage(DriveLogDamageKind.EmptySegment, Path, SegmentIndex, 0, 0,
                    "the file is empty (0 bytes): created, but nothing reached the disk"));
                return;
            }

            OpenDamage(DriveLogDamageKind.CorruptSegmentHeader, $"the file is {_buffer.Length} bytes, shorter than the {prefixBytes}-byte start of a segment header");
            return;
        }

        if (!SegmentHeader.TryReadLength(PeekBytes(prefixBytes), out int headerBytes, out string? problem))
        {
            OpenDamage(DriveLogDamageKind.CorruptSegmentHeader, problem!);
            return;
        }

        if (!EnsureBuffered(headerBytes))
        {
            OpenDamage(DriveLogDamageKind.CorruptSegmentHeader, $"segment header is truncated: {_buffer.Length} of {headerBytes} bytes present");
            return;
        }

        if (!SegmentHeader.TryDecode(PeekBytes(headerBytes), out SegmentInfo? info, out problem))
        {
            OpenDamage(DriveLogDamageKind.CorruptSegmentHeader, problem!);
            return;
        }

        Info = info;
        HeaderBytes = headerBytes;
        Consume(headerBytes);
    }
}
