namespace Octopilot.DriveLog.Reading;

/// <summary>How a <see cref="SegmentReader"/> buffers the file. Immutable; each value is checked when it is set.</summary>
public sealed class SegmentReaderOptions
{
    /// <summary>
    /// Default pipe segment size, bytes (2 MiB, the largest the pipe takes from the shared pool). Measured (README,
    /// "Buffer size"): a record that straddles two pipe segments is copied into the scratch buffer; with 332 KB frames
    /// 2 MiB segments copy one frame in six, 1 MiB one in three, 256 KiB every frame, all within noise of the speed of
    /// reading the file and checking its CRC (~4.4 GB/s); the pipe's default 4 KiB gathers every frame from 81
    /// segments and reads under 1 GB/s.
    /// </summary>
    public const int DefaultBufferBytes = 2 << 20;

    /// <summary>Smallest buffer accepted, bytes (4 KiB: the page size; smaller only multiplies system calls).</summary>
    public const int MinBufferBytes = 4 << 10;

    /// <summary>
    /// Largest buffer accepted, bytes (2 MiB). <c>StreamPipeReader</c> caps the segments it rents from the shared pool
    /// at 2 MiB (its <c>DefaultMaxBufferSize</c>): 4 and 16 MiB measured exactly like 2 MiB, same number of split
    /// records. Larger segments would need an own <c>MemoryPool</c>; at 2 MiB the reader already runs at the speed of
    /// reading the file and checking its CRC, so there is nothing to win.
    /// </summary>
    public const int MaxBufferBytes = 2 << 20;

    /// <summary>Default smallest read into the end of a pipe segment, bytes (64 KiB); a smaller gap is left and a fresh segment taken.</summary>
    public const int DefaultMinimumReadBytes = 64 << 10;

    public static SegmentReaderOptions Default { get; } = new();

    private readonly int _bufferBytes = DefaultBufferBytes;
    private readonly int _minimumReadBytes = DefaultMinimumReadBytes;

    /// <summary>
    /// Size of each pipe segment (one <c>read</c> system call fills at most one), bytes, in
    /// [<see cref="MinBufferBytes"/>, <see cref="MaxBufferBytes"/>]. Memory held: about two segments plus the
    /// scratch buffer (the largest record that straddled two segments).
    /// </summary>
    public int BufferBytes
    {
        get => _bufferBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, MinBufferBytes);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxBufferBytes);
            _bufferBytes = value;
        }
    }

    /// <summary>
    /// A segment with fewer free bytes than this is not read into; a fresh one is taken, bytes, ≥ 1. Values above
    /// <see cref="BufferBytes"/> act as <see cref="BufferBytes"/>. Matters for files that grow while read (live
    /// segments), where reads return less than asked.
    /// </summary>
    public int MinimumReadBytes
    {
        get => _minimumReadBytes;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            _minimumReadBytes = value;
        }
    }
}
