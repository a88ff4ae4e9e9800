using System.Buffers;
using System.IO.Pipelines;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>The pipe side: which bytes are buffered, asking for more, consuming, and contiguous views of a record.</summary>
public sealed partial class SegmentReader
{
    /// <summary>Scratch growth step, bytes (64 KiB): frames of one camera differ by a few KB, so one step covers them.</summary>
    private const int ScratchGrowthBytes = 64 << 10;

    /// <summary>
    /// The bytes read and not yet consumed. Owned by the pipe: valid until the next <see cref="ReadMore"/>, whose
    /// <c>AdvanceTo</c> hands the consumed segments back to the pool.
    /// </summary>
    private ReadOnlySequence<byte> _buffer;

    /// <summary>File offset of <c>_buffer.Start</c>.</summary>
    private long _bufferOffset;

    /// <summary>A <c>ReadResult</c> is held: the pipe expects <c>AdvanceTo</c> before the next read.</summary>
    private bool _holdingRead;

    /// <summary>The pipe reported the end of the file.</summary>
    private bool _pipeCompleted;

    /// <summary>Reads until at least <paramref name="count"/> bytes are buffered; false when the file ends first (then everything up to its end is buffered).</summary>
    private bool EnsureBuffered(long count)
    {
        while (_buffer.Length < count)
        {
            if (!ReadMore())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Asks the pipe for bytes past those buffered; false at the end of the file. Invalidates every span taken from
    /// <see cref="_buffer"/> before (the pipe may recycle consumed segments).
    /// </summary>
    private bool ReadMore()
    {
        if (_pipeCompleted)
        {
            return false;
        }

        long before = _buffer.Length;
        if (_holdingRead)
        {
            // Consumed up to the start, examined to the end: the pipe must read from the file rather than hand the same bytes back.
            _pipe.AdvanceTo(_buffer.Start, _buffer.End);
            _holdingRead = false;
        }

        // The stream completes synchronously (SynchronousReadStream), so this is a plain call; the fallback keeps a
        // different stream correct.
        ValueTask<ReadResult> pending = _pipe.ReadAsync();
        ReadResult result = pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
        _holdingRead = true;
        _buffer = result.Buffer;
        _pipeCompleted = result.IsCompleted;
        return _buffer.Length > before;
    }

    private void Consume(long count)
    {
        _buffer = _buffer.Slice(count);
        _bufferOffset += count;
    }

    /// <summary>The next <see cref="RecordHeader.SizeBytes"/> bytes (buffered: see <see cref="EnsureBuffered"/>), contiguous.</summary>
    private ReadOnlySpan<byte> PeekHeader()
    {
        ReadOnlySpan<byte> first = _buffer.FirstSpan;
        if (first.Length >= RecordHeader.SizeBytes)
        {
            return first;
        }

        _buffer.Slice(0, RecordHeader.SizeBytes).CopyTo(_headerScratch);
        return _headerScratch;
    }

    /// <summary>
    /// The payload after the header at the start of the buffer (buffered), contiguous: a span of the pipe segment when
    /// the payload lies in one, else a copy in the scratch buffer.
    /// </summary>
    private ReadOnlySpan<byte> PeekPayload(int payloadLength)
    {
        ReadOnlySpan<byte> first = _buffer.FirstSpan;
        if (first.Length >= RecordHeader.SizeBytes + payloadLength)
        {
            return first.Slice(RecordHeader.SizeBytes, payloadLength);
        }

        ReadOnlySequence<byte> payload = _buffer.Slice(RecordHeader.SizeBytes, payloadLength);
        if (payload.IsSingleSegment)
        {
            return payload.FirstSpan;
        }

        if (_scratch.Length < payloadLength)
        {
            int size = (int)Math.Min(Array.MaxLength, ((long)payloadLength + ScratchGrowthBytes - 1) / ScratchGrowthBytes * ScratchGrowthBytes);
            _scratch = GC.AllocateUninitializedArray<byte>(size);
        }

        payload.CopyTo(_scratch);
        SplitPayloadCopies++;
        return _scratch.AsSpan(0, payloadLength);
    }

    /// <summary>The first <paramref name="count"/> buffered bytes, contiguous; copies (allocates) when they straddle segments. For the segment header only.</summary>
    private ReadOnlySpan<byte> PeekBytes(int count)
    {
        ReadOnlySpan<byte> first = _buffer.FirstSpan;
        return first.Length >= count ? first[..count] : _buffer.Slice(0, count).ToArray();
    }
}
