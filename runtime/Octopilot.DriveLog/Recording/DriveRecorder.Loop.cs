using System.Runtime.ExceptionServices;
using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Recording;

// The recorder thread: wait, drain the rings (merged by timestamp), then the batches with the rings drained again
// between them, flush, fsync, report. Everything here runs on that thread only.
public sealed partial class DriveRecorder
{
    private readonly long _flushIntervalNs;
    private readonly long _fsyncIntervalNs;
    private readonly long _maxBatchWaitNs;
    private readonly BatchSink _sink;

    private long _nextFlushNs;
    private long _nextFsyncNs;
    private long _batchesWritten;
    private long _batchErrors;
    private long _batchErrorsReported;
    private string? _lastBatchError;

    private void Run()
    {
        try
        {
            RunUntilStopped();
        }
        catch (Exception e)
        {
            // The boundary: a write error is the expected failure (disk full); anything else is a recorder bug. Both end
            // recording the same way and neither reaches a producer.
            Fail(e);
        }
    }

    private void RunUntilStopped()
    {
        long nowNs = _clock.NowNs;
        _nextFlushNs = nowNs + _flushIntervalNs;
        _nextFsyncNs = nowNs + _fsyncIntervalNs;
        while (!_stopRequested)
        {
            long waitNs = _nextFlushNs - _clock.NowNs;
            _wake.Wait((int)Math.Clamp(waitNs / 1_000_000, 1, int.MaxValue));
            _wake.Reset(); // before draining: a signal during the drain leaves the event set for the next wait
            RunCycle(stopping: false);
        }

        RunCycle(stopping: true);
        DrainRings(); // records published while the last cycle ran
        EmitStoppedNotice();
        CloseSegment(sync: _options.Fsync != FsyncPolicy.None);
        Volatile.Write(ref _state, (int)RecorderState.Stopped);
    }

    /// <summary>
    /// One drain cycle. The disk counts as behind when a ring was over half full at its start or a batch waited longer
    /// than <see cref="RecorderOptions.MaxBatchWaitS"/>; while behind, queued batches are released unwritten and new
    /// ones refused, and the next cycle that finds neither clears it. When stopping, every batch is written.
    /// </summary>
    private void RunCycle(bool stopping)
    {
        bool behind = false;
        int count = Volatile.Read(ref _producerCount);
        for (int i = 0; i < count; i++)
        {
            RecordProducer producer = _producers[i];
            behind |= producer.MeasureFillUnsynchronized() * 2 > producer.CapacityBytes;
        }

        DrainRings();
        while (_queue.TryDequeue(out IDeferredRecordBatch batch, out long enqueuedNs))
        {
            long nowNs = _clock.NowNs;
            bool stale = nowNs - enqueuedNs > _maxBatchWaitNs;
            behind |= stale;
            if (!stopping && (stale || _diskBehind))
            {
                Interlocked.Increment(ref _batchesDroppedDiskBehind);
                ReleaseBatch(batch);
            }
            else
            {
                WriteBatch(batch);
            }

            DrainRings(); // critical records first: whatever the producers published while the batch was written
            FlushAndSyncIfDue(_clock.NowNs);
        }

        _diskBehind = behind && !stopping;
        ReportLosses(stopping);
        FlushAndSyncIfDue(_clock.NowNs);
    }

    /// <summary>
    /// Writes every record published before the call, merging the producers by timestamp (each ring is already in its
    /// producer's order, so the head with the smallest stamp goes next). A ring's bytes are freed record by record.
    /// </summary>
    private void DrainRings()
    {
        int count = Volatile.Read(ref _producerCount);
        for (int i = 0; i < count; i++)
        {
            _drainLimits[i] = _producers[i].PublishedPositionUnsynchronized();
        }

        while (true)
        {
            RecordProducer? oldest = null;
            for (int i = 0; i < count; i++)
            {
                RecordProducer producer = _producers[i];
                if (producer.TryLoadHeadUnsynchronized(_drainLimits[i]) &&
                    (oldest is null || producer.HeadTimestampNs < oldest.HeadTimestampNs))
                {
                    oldest = producer;
                }
            }

            if (oldest is null)
            {
                return;
            }

            AppendRecord(oldest.HeadType, RecordFlags.None, oldest.HeadStreamId, oldest.HeadTimestampNs, oldest.HeadPayload, mayRotate: true);
            oldest.ConsumeHeadUnsynchronized();
        }
    }

    /// <summary>Rotation on the batch's stamp, its records, then its release (exactly once, whatever happened).</summary>
    private void WriteBatch(IDeferredRecordBatch batch)
    {
        Exception? writeFailure = null;
        bool written = false;
        try
        {
            PrepareSegment(batch.TimestampNs);
            _sink.Open();
            batch.WriteRecords(_sink);
            writeFailure = _sink.Failure;
            written = writeFailure is null;
        }
        catch (Exception e) when (IsWriteFailure(e))
        {
            writeFailure = e;
        }
        catch (Exception e)
        {
            // The batch's own code threw (not the disk): count it, notice it at the end of the cycle, go on recording.
            _batchErrors++;
            _lastBatchError = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            _sink.Close();
            ReleaseBatch(batch);
        }

        if (written)
        {
            Volatile.Write(ref _batchesWritten, _batchesWritten + 1);
        }

        if (writeFailure is not null)
        {
            ExceptionDispatchInfo.Throw(writeFailure); // to Run: recording fails
        }
    }

    private void ReleaseBatch(IDeferredRecordBatch batch)
    {
        try
        {
            batch.Release();
        }
        catch (Exception e)
        {
            _batchErrors++;
            _lastBatchError = $"Release threw {e.GetType().Name}: {e.Message}";
        }

        Volatile.Write(ref _batchErrors, _batchErrors);
    }

    private void FlushAndSyncIfDue(long nowNs)
    {
        if (nowNs >= _nextFlushNs)
        {
            FlushToOs();
            _nextFlushNs = nowNs + _flushIntervalNs;
        }

        if (_options.Fsync == FsyncPolicy.Interval && nowNs >= _nextFsyncNs)
        {
            SyncSegment();
            _nextFsyncNs = _clock.NowNs + _fsyncIntervalNs;
        }
    }

    private static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>
    /// Ends recording after a write error (or a recorder bug): refuse everything from now on, release every queued batch
    /// unwritten, discard the rings, close what is open, publish the message, tell the host. The failed segment keeps
    /// every record written before the failing write plus at most a truncated one. No in-file notice: the writer refuses
    /// records after a write error, and the disk that just failed would most likely refuse this one too.
    /// </summary>
    private void Fail(Exception e)
    {
        _acceptsRecords = false;
        _queue.Close(); // under the queue's lock: every batch accepted before is in the queue now
        string what = IsWriteFailure(e)
            ? $"writing {_segmentPath ?? _options.DriveFolder} failed: {e.Message} (error {e.HResult})"
            : $"the recorder thread threw {e.GetType().Name}: {e.Message}";
        Volatile.Write(ref _failureMessage, "recording stopped: " + what);
        Volatile.Write(ref _state, (int)RecorderState.Failed);

        while (_queue.TryDequeue(out IDeferredRecordBatch batch, out _))
        {
            Interlocked.Increment(ref _batchesNotRecordedAfterStop);
            ReleaseBatch(batch);
        }

        int count = Volatile.Read(ref _producerCount);
        for (int i = 0; i < count; i++)
        {
            _producers[i].DiscardUnsynchronized();
        }

        AbandonSegment();
        Notify(DriveEventKind.RecorderFailed, _failureMessage!);
    }

    /// <summary>
    /// The sink a batch writes into: appends without rotating (the batch's stamp decided the segment), and turns a disk
    /// error into <see cref="Failure"/> (the batch's remaining appends are ignored) so the batch's code never sees it.
    /// </summary>
    private sealed class BatchSink(DriveRecorder recorder) : IRecordSink
    {
        private const int InitialScratchBytes = 64 << 10;

        private byte[] _scratch = new byte[InitialScratchBytes];
        private bool _open;

        public Exception? Failure { get; private set; }

        public void Open()
        {
            _open = true;
            Failure = null;
        }

        public void Close() => _open = false;

        public Span<byte> GetScratch(int minBytes)
        {
            ThrowIfClosed();
            ArgumentOutOfRangeException.ThrowIfNegative(minBytes);
            if (_scratch.Length < minBytes)
            {
                _scratch = GC.AllocateUninitializedArray<byte>(Math.Max(minBytes, _scratch.Length * 2));
            }

            return _scratch;
        }

        public void Append(RecordType type, RecordFlags flags, ushort streamId, long timestampNs, ReadOnlySpan<byte> payload)
        {
            ThrowIfClosed();
            if (Failure is not null)
            {
                return;
            }

            try
            {
                recorder.AppendRecord(type, flags, streamId, timestampNs, payload, mayRotate: false);
            }
            catch (Exception e) when (IsWriteFailure(e))
            {
                Failure = e;
            }
        }

        private void ThrowIfClosed()
        {
            if (!_open)
            {
                throw new InvalidOperationException("IRecordSink used outside IDeferredRecordBatch.WriteRecords: the sink is valid only during that call");
            }
        }
    }
}
