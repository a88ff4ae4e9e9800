using System.Globalization;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Writing;

namespace Octopilot.DriveLog.Recording;

// The open segment: lazily opened on the first record, rotated on record timestamps, flushed, fsynced, closed.
// Recorder thread only.
public sealed partial class DriveRecorder
{
    private readonly long _segmentLengthNs;
    private readonly IReadOnlyList<StreamInfo> _streams;
    private readonly long[] _recordsWrittenByType = new long[RecorderStatistics.RecordTypeSlots];

    private SegmentWriter? _writer;
    private string? _segmentPath;
    private int _segmentIndex = -1;
    private long _firstSegmentStartNs;
    private long _segmentEndNs;
    private long _newestTimestampNs;
    private bool _unsynced;

    private long _recordsWritten;
    private long _recordsFlushedToOs;
    private long _bytesWritten;
    private int _segments;
    private long _fsyncs;
    private long _maxFsyncNs;

    /// <summary>
    /// Appends one record to the open segment, opening the first segment on the first record and, when
    /// <paramref name="mayRotate"/>, rotating when the stamp reaches the segment's end. A record older than the open
    /// segment's start (a frame set that waited while ticks moved on) goes into the open segment: segments only move
    /// forward, and replay orders by timestamp.
    /// </summary>
    private void AppendRecord(RecordType type, RecordFlags flags, ushort streamId, long timestampNs, ReadOnlySpan<byte> payload, bool mayRotate)
    {
        if (_writer is null || mayRotate)
        {
            PrepareSegment(timestampNs);
        }

        _writer!.Append(type, flags, streamId, timestampNs, payload);
        _unsynced = true;
        if (timestampNs > _newestTimestampNs)
        {
            _newestTimestampNs = timestampNs;
        }

        int slot = RecorderStatistics.Slot(type);
        Volatile.Write(ref _recordsWrittenByType[slot], _recordsWrittenByType[slot] + 1);
        Volatile.Write(ref _recordsWritten, _recordsWritten + 1);
        Volatile.Write(ref _bytesWritten, _bytesWritten + RecordHeader.SizeBytes + payload.Length);
    }

    /// <summary>Makes the open segment the one for a record stamped <paramref name="timestampNs"/>: opens the first, or rotates.</summary>
    private void PrepareSegment(long timestampNs)
    {
        if (_writer is null && _segmentIndex < 0)
        {
            _firstSegmentStartNs = timestampNs;
            _newestTimestampNs = timestampNs;
            OpenSegment(0, timestampNs);
            EmitStartedNotice();
        }
        else if (timestampNs >= _segmentEndNs)
        {
            Rotate(timestampNs);
        }
    }

    /// <summary>
    /// Closes the open segment (fsync unless the policy is None) and opens the next index. Its start is the period the
    /// record falls in, first start + k·length; after a pause longer than a segment, k skips periods but the index does
    /// not, so a missing index always means a lost file.
    /// </summary>
    private void Rotate(long timestampNs)
    {
        int previous = _segmentIndex;
        long previousRecords = _writer!.RecordCount;
        long previousBytes = _writer.Length;
        CloseSegment(sync: _options.Fsync != FsyncPolicy.None);
        long period = (timestampNs - _firstSegmentStartNs) / _segmentLengthNs;
        OpenSegment(previous + 1, _firstSegmentStartNs + period * _segmentLengthNs);
        EmitRotatedNotice(previous, previousRecords, previousBytes);
    }

    private void OpenSegment(int index, long startNs)
    {
        string path = Path.Combine(_options.DriveFolder, string.Create(CultureInfo.InvariantCulture, $"segment-{index:D6}.oplog"));
        SegmentInfo info = _options.SegmentTemplate with
        {
            SegmentIndex = index,
            StartTimestampNs = startNs,
            CreatedUtc = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            SegmentLengthS = _options.SegmentLengthS,
            Streams = _streams,
        };
        _segmentPath = path;
        _segmentIndex = index;
        _segmentEndNs = startNs + _segmentLengthNs;
        _writer = _options.SegmentWriterFactory is { } factory
            ? factory(path, info, _options.SegmentBufferBytes)
            : SegmentWriter.Create(path, info, _options.SegmentBufferBytes);
        _writer.FlushToOs(); // the header at once: a file never waits a flush interval without one
        _unsynced = true;
        Volatile.Write(ref _segments, _segments + 1);
        Volatile.Write(ref _bytesWritten, _bytesWritten + _writer.Length);
    }

    /// <summary>Flush (and fsync when asked and anything was written since the last), then close. No-op without a segment.</summary>
    private void CloseSegment(bool sync)
    {
        if (_writer is null)
        {
            return;
        }

        if (sync)
        {
            SyncSegment();
        }
        else
        {
            FlushToOs();
        }

        _writer.Dispose();
        _writer = null;
    }

    /// <summary>Closes a segment after a write error without writing more (the writer is faulted or the disk refuses).</summary>
    private void AbandonSegment()
    {
        try
        {
            _writer?.Dispose();
        }
        catch (Exception)
        {
            // Closing a file descriptor whose writes failed: nothing more to do, the failure is already reported.
        }

        _writer = null;
    }

    private void FlushToOs()
    {
        if (_writer is null)
        {
            return;
        }

        _writer.FlushToOs();
        Volatile.Write(ref _recordsFlushedToOs, _recordsWritten);
    }

    /// <summary>fsync the open segment, timed; skipped when nothing was written since the last one.</summary>
    private void SyncSegment()
    {
        if (_writer is null || !_unsynced)
        {
            FlushToOs();
            return;
        }

        long startNs = _clock.NowNs;
        _writer.Sync();
        long durationNs = _clock.NowNs - startNs;
        _unsynced = false;
        Volatile.Write(ref _recordsFlushedToOs, _recordsWritten);
        Volatile.Write(ref _fsyncs, _fsyncs + 1);
        if (durationNs > _maxFsyncNs)
        {
            Volatile.Write(ref _maxFsyncNs, durationNs);
        }
    }
}
