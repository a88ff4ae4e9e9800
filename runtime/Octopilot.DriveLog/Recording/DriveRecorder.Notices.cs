using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Recording;

// The recorder's own notices: an Event record on stream NoticeStreamId (formatted into a reused buffer, no allocation),
// stamped with the newest record timestamp written so far (the producers' clock, which the recorder does not own), and
// the same text to RecorderOptions.Notices. Recorder thread only.
public sealed partial class DriveRecorder
{
    /// <summary>Drop notices at most once per this period of the recorder's clock, ns (1 s): a count, not a flood.</summary>
    private const long DropNoticePeriodNs = 1_000_000_000;

    private const int NoticeBufferBytes = 1024;

    private readonly byte[] _noticeBuffer = new byte[NoticeBufferBytes];
    private long _dropsReported;
    private long _lastDropNoticeNs = long.MinValue / 2;

    private Span<byte> NoticeText => _noticeBuffer.AsSpan(EventPayload.TextOffset);

    private string FsyncText => _options.Fsync switch
    {
        FsyncPolicy.Interval => string.Create(CultureInfo.InvariantCulture, $"fsync every {_options.FsyncIntervalS} s and at rotation"),
        FsyncPolicy.OnRotation => "fsync at rotation",
        _ => "no fsync",
    };

    private void EmitStartedNotice()
    {
        Utf8.TryWrite(NoticeText, CultureInfo.InvariantCulture,
            $"recording to {_options.DriveFolder}: segments of {_options.SegmentLengthS} s, {FsyncText}, flush every {_options.FlushIntervalMs} ms", out int n);
        Emit(DriveEventKind.RecorderStarted, n);
    }

    private void EmitRotatedNotice(int previousIndex, long previousRecords, long previousBytes)
    {
        Utf8.TryWrite(NoticeText, CultureInfo.InvariantCulture,
            $"segment {_segmentIndex} starts at {_segmentEndNs - _segmentLengthNs} ns; segment {previousIndex} closed with {previousRecords} records, {previousBytes} bytes", out int n);
        Emit(DriveEventKind.SegmentRotated, n);
    }

    private void EmitStoppedNotice()
    {
        if (_writer is null)
        {
            return; // nothing was ever recorded: no segment to hold the notice
        }

        long dropped = Interlocked.Read(ref _batchesDroppedQueueFull) + Interlocked.Read(ref _batchesDroppedDiskBehind);
        long lost = 0;
        int count = Volatile.Read(ref _producerCount);
        for (int i = 0; i < count; i++)
        {
            lost += _producers[i].RecordsLost;
        }

        Utf8.TryWrite(NoticeText, CultureInfo.InvariantCulture,
            $"recording stopped: {_recordsWritten + 1} records in {_segments} segments; {_batchesWritten} frame sets written, {dropped} dropped; {lost} critical records lost", out int n);
        Emit(DriveEventKind.RecorderStopped, n);
    }

    /// <summary>End of a cycle: per-producer losses (each time there are new ones), frame-set drops (at most once a second,
    /// and always when stopping) and batch errors.</summary>
    private void ReportLosses(bool stopping)
    {
        int count = Volatile.Read(ref _producerCount);
        for (int i = 0; i < count; i++)
        {
            RecordProducer producer = _producers[i];
            long lost = producer.TakeUnreportedLossesUnsynchronized();
            if (lost > 0)
            {
                Utf8.TryWrite(NoticeText, CultureInfo.InvariantCulture,
                    $"producer '{producer.Name}': {lost} records lost, its ring of {producer.CapacityBytes} bytes was full ({producer.RecordsLost} lost so far)", out int n);
                Emit(DriveEventKind.CriticalRecordsLost, n);
            }
        }

        long queueFull = Interlocked.Read(ref _batchesDroppedQueueFull);
        long diskBehind = Interlocked.Read(ref _batchesDroppedDiskBehind);
        long nowNs = _clock.NowNs;
        if (queueFull + diskBehind > _dropsReported && (stopping || nowNs - _lastDropNoticeNs >= DropNoticePeriodNs))
        {
            Utf8.TryWrite(NoticeText, CultureInfo.InvariantCulture,
                $"{queueFull + diskBehind - _dropsReported} frame sets not recorded since the last notice ({queueFull} for a full queue and {diskBehind} for a disk behind, so far)", out int n);
            _dropsReported = queueFull + diskBehind;
            _lastDropNoticeNs = nowNs;
            Emit(DriveEventKind.CameraFramesDropped, n);
        }

        if (_batchErrors > _batchErrorsReported)
        {
            Utf8.TryWrite(NoticeText, CultureInfo.InvariantCulture,
                $"{_batchErrors - _batchErrorsReported} batches threw; last: {_lastBatchError}", out int n);
            _batchErrorsReported = _batchErrors;
            Emit(DriveEventKind.BatchError, n);
        }
    }

    /// <summary>Writes the notice whose text is in the buffer (n bytes; 0 when formatting ran out of room) and calls the host.</summary>
    private void Emit(DriveEventKind kind, int textBytes)
    {
        EventPayload.WriteKind(_noticeBuffer, kind);
        ReadOnlySpan<byte> payload = _noticeBuffer.AsSpan(0, EventPayload.TextOffset + textBytes);
        if (_writer is not null)
        {
            AppendRecord(RecordType.Event, RecordFlags.None, NoticeStreamId, _newestTimestampNs, payload, mayRotate: false);
        }

        Notify(kind, _options.Notices is null ? string.Empty : Encoding.UTF8.GetString(payload[EventPayload.TextOffset..]));
    }

    private void Notify(DriveEventKind kind, string message)
    {
        if (_options.Notices is not { } notices)
        {
            return;
        }

        try
        {
            notices(new RecorderEvent(kind, _newestTimestampNs, message));
        }
        catch (Exception)
        {
            // A host callback that throws must not end recording; the notice is in the log already.
        }
    }
}
