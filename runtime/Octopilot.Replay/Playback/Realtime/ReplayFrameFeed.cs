using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// The frame supply of a real-time replay: one thread (<c>replay-feed</c>) reads the drive once, in file order, and
/// deals each camera frame record into that camera's bounded queue, from which its <see cref="ReplayCameraSource"/>
/// takes it at the frame's time.
/// <para>
/// One copy per frame, and why: the reader's payload span is valid only until its next read, while eight capture
/// threads consume at eight different moments (each at its own start of frame, up to a queue depth later). So the
/// compressed payload is copied once, from the reader's buffer into a pooled slot of the camera's queue (allocated at
/// construction, each as large as the largest payload a frame of the camera's size can have); the camera then
/// decompresses it straight into its slab slot. Nothing else is copied, and nothing is allocated per frame.
/// </para>
/// <para>
/// Back-pressure: a full queue makes the feed wait (it is a file reader; blocking it costs nothing live). Frames are
/// in the log in set order, so the cameras drain their queues at about the same pace and no queue waits on another for
/// long. A frame that cannot be handed over whole (its prefix names another frame size) is queued as corrupt, so its
/// camera reports <c>CorruptFrame</c> at that frame's time; a frame whose prefix is unreadable, of a camera the drive
/// does not list, or not newer than the camera's previous frame is skipped and counted.
/// </para>
/// Lifetime: construct (opens the drive, allocates the queues), <see cref="CreateCameras"/>, <see cref="Start"/>,
/// <see cref="Stop"/> or <see cref="Dispose"/> (stops the thread, closes the drive). When the drive (or the window) is
/// read to its end, every queue is completed: each camera delivers what is queued, then ends.
/// </summary>
public sealed class ReplayFrameFeed : IDisposable
{
    private readonly DriveReader _reader;
    private readonly StreamInfo[] _streams;
    private readonly ReplayFrameQueue[] _queues;
    private readonly long[] _framesQueued;
    private readonly long[] _lastQueuedStartNs;
    private readonly CancellationTokenSource _stop = new();
    private Thread? _thread;
    private long _framesSkipped;
    private long _framesCorrupt;
    private volatile bool _ended;
    private volatile string? _failure;
    private bool _disposed;

    /// <summary>
    /// Opens the drive in <paramref name="folder"/> (throws <see cref="DriveLogException"/> naming it when it holds no
    /// segment) and sizes one queue per camera stream listed in <paramref name="info"/> (the drive's header, from
    /// <see cref="DriveTimeline.Info"/>). Camera streams must be numbered 0..N−1 (their index in the rig).
    /// </summary>
    public ReplayFrameFeed(string folder, SegmentInfo info, ReplayFrameFeedOptions? options = null)
    {
        options ??= new ReplayFrameFeedOptions();
        _streams = info.Streams.Where(s => s.Type == RecordType.CameraFrame).OrderBy(s => s.StreamId).ToArray();
        if (_streams.Length is < 1 or > 32)
        {
            throw new ReplayException($"drive {info.DriveId}: the segment header lists {_streams.Length} camera streams; a real-time replay needs 1..32");
        }

        for (int c = 0; c < _streams.Length; c++)
        {
            StreamInfo stream = _streams[c];
            if (stream.StreamId != c || stream.WidthPx <= 0 || stream.HeightPx <= 0)
            {
                throw new ReplayException(
                    $"drive {info.DriveId}: camera stream '{stream.Name}' has id {stream.StreamId} and frame size {stream.WidthPx}x{stream.HeightPx}; camera streams must be numbered 0..{_streams.Length - 1} with a frame size");
            }
        }

        Info = info;
        Options = options;
        _queues = new ReplayFrameQueue[_streams.Length];
        for (int c = 0; c < _streams.Length; c++)
        {
            _queues[c] = new ReplayFrameQueue(options.QueueDepth, FrameCodec.MaxPayloadBytes(_streams[c].WidthPx * _streams[c].HeightPx * 3));
        }

        _framesQueued = new long[_streams.Length];
        _lastQueuedStartNs = new long[_streams.Length];
        Array.Fill(_lastQueuedStartNs, long.MinValue);
        _reader = DriveReader.Open(folder, new DriveReaderOptions { FromTimestampNs = options.FromNs, ToTimestampNs = options.ToNs });
    }

    public SegmentInfo Info { get; }

    public ReplayFrameFeedOptions Options { get; }

    public int CameraCount => _streams.Length;

    /// <summary>Pooled payload memory of all queues, bytes (allocated once, at construction).</summary>
    public long QueueBytes => _queues.Sum(q => (long)q.Depth * q.SlotBytes);

    /// <summary>True once the feed has read the drive (or window) to its end, failed, or been stopped.</summary>
    public bool HasEnded => _ended;

    /// <summary>Why the feed thread stopped early (an unexpected error, with its message); null when it did not.</summary>
    public string? Failure => _failure;

    /// <summary>Frame records skipped: unreadable prefix, unknown camera, or not newer than the camera's previous frame.</summary>
    public long FramesSkipped => Interlocked.Read(ref _framesSkipped);

    /// <summary>Frames queued as corrupt (their prefix names a frame of another size).</summary>
    public long FramesCorrupt => Interlocked.Read(ref _framesCorrupt);

    /// <summary>The recorded stream of camera <paramref name="camera"/> (name, frame size).</summary>
    public StreamInfo Stream(int camera) => _streams[camera];

    /// <summary>Frames handed to camera <paramref name="camera"/>'s queue so far.</summary>
    public long FramesQueued(int camera) => Interlocked.Read(ref _framesQueued[camera]);

    /// <summary>Damage the reader found; complete once <see cref="HasEnded"/> (read it after <see cref="Stop"/>).</summary>
    public IReadOnlyList<DriveLogDamage> Damages => _reader.Damages;

    /// <summary>One source per camera stream, in stream (rig) order, pacing themselves on <paramref name="clock"/> (drive time).</summary>
    public ReplayCameraSource[] CreateCameras(IClock clock)
    {
        var cameras = new ReplayCameraSource[_streams.Length];
        for (int c = 0; c < cameras.Length; c++)
        {
            cameras[c] = new ReplayCameraSource(this, c, clock);
        }

        return cameras;
    }

    /// <summary>Starts the feed thread: the queues fill at once, then follow the cameras.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_thread is not null)
        {
            throw new InvalidOperationException("the replay frame feed was already started");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "replay-feed" };
        _thread.Start();
    }

    /// <summary>Stops the feed thread (the cameras then end after what is queued) and waits for it.</summary>
    public void Stop()
    {
        _stop.Cancel();
        _thread?.Join();
        if (_thread is null)
        {
            CompleteAll();
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        Stop();
        _disposed = true;
        _reader.Dispose();
        _stop.Dispose();
    }

    internal ReplayFrameQueue Queue(int camera) => _queues[camera];

    private void Run()
    {
        CancellationToken stopToken = _stop.Token;
        try
        {
            while (!stopToken.IsCancellationRequested && _reader.TryReadNext(out DriveRecord record))
            {
                if (record.Header.Type == RecordType.CameraFrame && !Hand(record, stopToken))
                {
                    break;
                }
            }
        }
        catch (Exception e)
        {
            // The reader reports damage instead of throwing; anything else is a bug: the cameras end, the run reports it.
            _failure = $"{e.GetType().Name}: {e.Message}";
        }
        finally
        {
            CompleteAll();
        }
    }

    /// <summary>Queues one frame record for its camera; false when stopped while waiting for room.</summary>
    private bool Hand(in DriveRecord record, CancellationToken stopToken)
    {
        int camera = record.Header.StreamId;
        if (camera >= _streams.Length || !TryReadHeader(record.Payload, out FrameHeader header) || header.StartOfFrameNs <= _lastQueuedStartNs[camera])
        {
            Interlocked.Increment(ref _framesSkipped);
            return true;
        }

        ReplayFrameQueue queue = _queues[camera];
        int slot = queue.WaitForSpace(stopToken);
        if (slot < 0)
        {
            return false;
        }

        StreamInfo stream = _streams[camera];
        int length;
        if (header.WidthPx != stream.WidthPx || header.HeightPx != stream.HeightPx || record.Payload.Length > queue.SlotBytes)
        {
            length = ReplayFrameQueue.CorruptLength;
            Interlocked.Increment(ref _framesCorrupt);
        }
        else
        {
            // The one copy: out of the reader's buffer (valid until its next read) into the camera's pooled slot.
            record.Payload.CopyTo(queue.SlotBuffer(slot));
            length = record.Payload.Length;
        }

        queue.Publish(slot, length, header.StartOfFrameNs, header.CameraSequence);
        _lastQueuedStartNs[camera] = header.StartOfFrameNs;
        Interlocked.Increment(ref _framesQueued[camera]);
        return true;
    }

    private static bool TryReadHeader(ReadOnlySpan<byte> payload, out FrameHeader header)
    {
        try
        {
            header = FrameCodec.ReadHeader(payload);
            return true;
        }
        catch (PayloadException)
        {
            header = default;
            return false;
        }
    }

    private void CompleteAll()
    {
        foreach (ReplayFrameQueue queue in _queues)
        {
            queue.Complete();
        }

        _ended = true;
    }
}
