using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Writing;

namespace Octopilot.DriveLog.Recording;

/// <summary>
/// Records a drive off the hot path: producers hand records over without blocking or allocating, and one dedicated
/// thread ("drive-recorder") writes them into 60 s segment files of a drive folder (FORMAT.md).
/// <list type="bullet">
/// <item>Small records go through per-thread rings (<see cref="CreateProducer(string, int)"/>); they are never dropped
/// for a slow disk, only when a ring is full (counted, noticed).</item>
/// <item>Camera frame sets go through a bounded queue of deferred batches (<see cref="TryEnqueueBatch"/>) whose bytes
/// are produced (compressed) on the recorder thread; they are dropped first when the disk falls behind.</item>
/// <item>The buffer goes to the kernel every <see cref="RecorderOptions.FlushIntervalMs"/>; fsync per
/// <see cref="RecorderOptions.Fsync"/>, always when a segment closes (unless <see cref="FsyncPolicy.None"/>).</item>
/// <item>A write error (disk full) ends recording: <see cref="State"/> becomes <see cref="RecorderState.Failed"/>,
/// <see cref="FailureMessage"/> names the file and the OS error, every queued batch is released, producers are refused
/// from then on. Nothing is thrown at producers; driving goes on.</item>
/// </list>
/// Dispose (or <see cref="Stop"/>) drains what is queued, syncs and closes. Forgetting it loses what the last flush
/// interval buffered (the thread is a background thread and dies with the process).
/// </summary>
public sealed partial class DriveRecorder : IDisposable
{
    /// <summary>Stream id of the recorder's own notices (<see cref="RecordType.Event"/>): separate from the producers' event
    /// streams so each stream's timestamps stay non-decreasing.</summary>
    public const ushort NoticeStreamId = ushort.MaxValue;

    public const string ThreadName = "drive-recorder";

    private readonly RecorderOptions _options;
    private readonly RecordProducer[] _producers;
    private readonly long[] _drainLimits;
    private readonly object _producersGate = new();
    private readonly BatchQueue _queue;
    private readonly ManualResetEventSlim _wake = new(false);
    private readonly Thread _thread;
    private readonly object _stopGate = new();
    private readonly IClock _clock = MonotonicClock.Instance;

    private int _producerCount;
    private int _state = (int)RecorderState.Recording;
    private volatile bool _acceptsRecords = true;
    private volatile bool _stopRequested;
    private volatile bool _diskBehind;
    private string? _failureMessage;

    // Counted by producers (Interlocked).
    private long _batchesDroppedQueueFull;
    private long _batchesDroppedDiskBehind;
    private long _batchesNotRecordedAfterStop;

    /// <summary>Validates the options, prepares the drive folder and starts the recorder thread.</summary>
    /// <exception cref="ArgumentOutOfRangeException">An option breaks its rule (the message names both).</exception>
    /// <exception cref="IOException">The folder already holds segments, or cannot be created.</exception>
    public DriveRecorder(RecorderOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        PrepareDriveFolder(options.DriveFolder);
        _options = options;
        _producers = new RecordProducer[options.MaxProducers];
        _drainLimits = new long[options.MaxProducers];
        _queue = new BatchQueue(options.MaxQueuedBatches);
        _segmentLengthNs = TimeUnits.SecondsToNs(options.SegmentLengthS);
        _flushIntervalNs = TimeUnits.MsToNs(options.FlushIntervalMs);
        _fsyncIntervalNs = TimeUnits.SecondsToNs(options.FsyncIntervalS);
        _maxBatchWaitNs = TimeUnits.SecondsToNs(options.MaxBatchWaitS);
        _streams = WithNoticeStream(options.SegmentTemplate.Streams);
        _sink = new BatchSink(this);
        _thread = new Thread(Run) { Name = ThreadName, IsBackground = true };
        _thread.Start();
    }

    public RecorderOptions Options => _options;

    public RecorderState State => (RecorderState)Volatile.Read(ref _state);

    /// <summary>Why recording failed: "recording stopped: writing &lt;segment path&gt; failed: &lt;OS error&gt; (error n)". Null unless Failed.</summary>
    public string? FailureMessage => Volatile.Read(ref _failureMessage);

    /// <summary>False once <see cref="Stop"/> began or recording failed: records and batches are refused from then on.</summary>
    internal bool AcceptsRecords => _acceptsRecords;

    /// <summary>A producer with the default ring size (<see cref="RecorderOptions.ProducerCapacityBytes"/>).</summary>
    public RecordProducer CreateProducer(string name) => CreateProducer(name, _options.ProducerCapacityBytes);

    /// <summary>
    /// A new producer for one thread, with a ring of <paramref name="capacityBytes"/> allocated now. May be called at any
    /// time from any thread; the recorder drains it from its next cycle on. Producers live as long as the recorder.
    /// </summary>
    /// <exception cref="InvalidOperationException"><see cref="RecorderOptions.MaxProducers"/> already exist.</exception>
    public RecordProducer CreateProducer(string name, int capacityBytes)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        lock (_producersGate)
        {
            int count = _producerCount;
            if (count == _producers.Length)
            {
                RecorderThrowHelper.ThrowTooManyProducers(_producers.Length);
            }

            var producer = new RecordProducer(this, name, capacityBytes);
            _producers[count] = producer;
            Volatile.Write(ref _producerCount, count + 1); // publish after the slot is filled
            return producer;
        }
    }

    /// <summary>
    /// Offers a deferred batch (a camera frame set). Never blocks, never allocates; any thread.
    /// <para>True: the recorder owns <paramref name="batch"/> and calls its <see cref="IDeferredRecordBatch.Release"/>
    /// exactly once, on the recorder thread (after writing it, or unwritten when it is dropped for a disk that fell
    /// behind or when recording fails). The caller must not touch the batch's memory until then.</para>
    /// <para>False: the batch was not taken (queue full, disk behind, stopped or failed; counted in
    /// <see cref="RecorderStatistics"/>); the caller still owns it and releases it itself.</para>
    /// </summary>
    public bool TryEnqueueBatch(IDeferredRecordBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (_diskBehind && _acceptsRecords)
        {
            Interlocked.Increment(ref _batchesDroppedDiskBehind);
            return false;
        }

        switch (_queue.TryEnqueue(batch, _clock.NowNs))
        {
            case BatchQueue.EnqueueResult.Accepted:
                _wake.Set(); // no allocation; takes the event's lock only while the recorder thread sleeps
                return true;
            case BatchQueue.EnqueueResult.Full:
                Interlocked.Increment(ref _batchesDroppedQueueFull);
                return false;
            default:
                Interlocked.Increment(ref _batchesNotRecordedAfterStop);
                return false;
        }
    }

    /// <summary>Fills <paramref name="into"/> with the current counters (no allocation). Any thread.</summary>
    public void ReadStatistics(RecorderStatistics into)
    {
        ArgumentNullException.ThrowIfNull(into);
        into.State = State;
        into.FailureMessage = FailureMessage;
        into.RecordsWritten = Volatile.Read(ref _recordsWritten);
        into.RecordsFlushedToOs = Volatile.Read(ref _recordsFlushedToOs);
        into.BytesWritten = Volatile.Read(ref _bytesWritten);
        into.Segments = Volatile.Read(ref _segments);
        into.BatchesWritten = Volatile.Read(ref _batchesWritten);
        into.BatchesDroppedQueueFull = Interlocked.Read(ref _batchesDroppedQueueFull);
        into.BatchesDroppedDiskBehind = Interlocked.Read(ref _batchesDroppedDiskBehind);
        into.BatchesNotRecordedAfterStop = Interlocked.Read(ref _batchesNotRecordedAfterStop);
        into.BatchErrors = Volatile.Read(ref _batchErrors);
        into.Fsyncs = Volatile.Read(ref _fsyncs);
        into.MaxFsyncNs = Volatile.Read(ref _maxFsyncNs);
        into.MaxQueuedBatches = _queue.MaxDepth;
        into.DiskBehind = _diskBehind;
        for (int i = 0; i < RecorderStatistics.RecordTypeSlots; i++)
        {
            into.RecordsWrittenByType[i] = Volatile.Read(ref _recordsWrittenByType[i]);
        }

        long lost = 0;
        long refused = 0;
        int count = Volatile.Read(ref _producerCount);
        for (int i = 0; i < count; i++)
        {
            lost += _producers[i].RecordsLost;
            refused += _producers[i].RecordsRefused;
        }

        into.CriticalRecordsLost = lost;
        into.RecordsNotRecordedAfterStop = refused;
    }

    /// <summary>
    /// Stops recording and waits for the recorder thread: from the call on, producers and batches are refused; what was
    /// queued before is written (batches then released), a <see cref="DriveEventKind.RecorderStopped"/> notice ends the
    /// last segment, which is fsynced (unless <see cref="FsyncPolicy.None"/>) and closed. Stop the producing threads
    /// first: a record offered while Stop runs may be neither written nor counted. Idempotent; any thread but the
    /// recorder's own (a notice callback must not call it).
    /// </summary>
    public void Stop()
    {
        if (Thread.CurrentThread == _thread)
        {
            RecorderThrowHelper.ThrowStopOnRecorderThread();
        }

        lock (_stopGate)
        {
            if (!_stopRequested)
            {
                _acceptsRecords = false;
                _queue.Close();
                _stopRequested = true;
                _wake.Set();
            }
        }

        _thread.Join();
    }

    /// <summary><see cref="Stop"/>. The wake event is left to the collector: a producer may still be signalling it.</summary>
    public void Dispose() => Stop();

    private static void PrepareDriveFolder(string folder)
    {
        if (Directory.Exists(folder))
        {
            string? first = Directory.EnumerateFiles(folder, "segment-*.oplog").FirstOrDefault();
            if (first is not null)
            {
                RecorderThrowHelper.ThrowDriveFolderHoldsSegments(folder, first);
            }
        }

        Directory.CreateDirectory(folder);
    }

    private static IReadOnlyList<StreamInfo> WithNoticeStream(IReadOnlyList<StreamInfo> streams)
    {
        if (streams.Any(s => s.Type == RecordType.Event && s.StreamId == NoticeStreamId))
        {
            return streams;
        }

        return [.. streams, new StreamInfo { Type = RecordType.Event, StreamId = NoticeStreamId, Name = "recorder" }];
    }
}
