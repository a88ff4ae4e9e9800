using Octopilot.Cameras;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// One camera of a recorded drive, as an <see cref="ICameraSource"/>: the capture loop and the frame pipeline run on it
/// exactly as on a live camera. <see cref="WaitForFrame"/> takes the camera's next recorded frame from its queue in the
/// shared <see cref="ReplayFrameFeed"/> and sleeps on the injected clock until the frame's recorded start of frame;
/// on a <see cref="DriveTimeClock"/> that is wall time <c>replayStart + (recordedSof − driveOrigin) / speed</c>. The
/// ticket carries the recorded start of frame (in drive time, the clock's time base) and the recorded camera sequence
/// number, so gaps in the recording (decimation, frames the recorder could not keep) read as device gaps, as drops of
/// the live camera did. <see cref="ReadFrame"/> decompresses the recorded LZ4 block straight into the destination slot:
/// besides the feed's one copy out of the reader's buffer, the decompression is the only pass over the bytes.
/// <para>
/// Real time, like a sensor: when the loop falls so far behind that the next queued frame is due as well, the older
/// one is dropped unread (<see cref="FramesSkippedLate"/>) and the newest due one delivered; the sequence jump shows the
/// drop. Per-frame failures are statuses: a corrupt payload gives <see cref="CaptureStatus.CorruptFrame"/> (never an
/// exception); the end of the recording gives <see cref="CaptureStatus.EndOfStream"/>, which ends the loop cleanly.
/// </para>
/// One thread owns an instance from <see cref="Open"/> to <see cref="Dispose"/> (the <see cref="ICameraSource"/>
/// contract); the counters may be read from any thread. Allocates nothing per frame.
/// </summary>
public sealed class ReplayCameraSource : ICameraSource
{
    private readonly ReplayFrameFeed _feed;
    private readonly ReplayFrameQueue _queue;
    private readonly int _camera;
    private readonly IClock _clock;
    private readonly StreamInfo _stream;
    private bool _open;
    private int _outstandingSlot = -1;
    private bool _disposed;
    private long _framesDelivered;
    private long _framesCorrupt;
    private long _framesSkippedLate;
    private long _framesSkipped;
    private long _firstSequence = -1;

    /// <param name="feed">The drive's frame feed (shared by the drive's cameras; owned by the caller).</param>
    /// <param name="camera">The camera's index in the rig = its stream id in the drive.</param>
    /// <param name="clock">The replay's clock, in drive time (<see cref="DriveTimeClock"/>; a <see cref="VirtualClock"/> in tests).</param>
    public ReplayCameraSource(ReplayFrameFeed feed, int camera, IClock clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(camera);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(camera, feed.CameraCount);
        _feed = feed;
        _camera = camera;
        _queue = feed.Queue(camera);
        _clock = clock;
        _stream = feed.Stream(camera);
        RecordedMode = new CameraMode(
            _stream.WidthPx, _stream.HeightPx, PixelFormat.Rgb24,
            feed.Info.Properties.TryGetValue(ReplayProperties.FramesPerSecond, out string? fps)
                && double.TryParse(fps, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out double rate)
                && rate > 0 && rate <= CameraMode.MaxFramesPerSecond
                ? rate
                : CameraMode.MaxFramesPerSecond);
    }

    /// <summary>The camera's name in the recorded rig.</summary>
    public string Name => _stream.Name;

    public CameraMode Mode { get; private set; }

    /// <summary>
    /// The mode the drive recorded this camera in: its frame size, RGB24, and the recorded rate (the drive's
    /// <c>framesPerSecond</c> property; <see cref="CameraMode.MaxFramesPerSecond"/> when the drive does not say).
    /// </summary>
    public CameraMode RecordedMode { get; }

    /// <summary>Frames handed out by <see cref="ReadFrame"/> that decoded whole.</summary>
    public long FramesDelivered => Interlocked.Read(ref _framesDelivered);

    /// <summary>Frames <see cref="ReadFrame"/> found corrupt (returned <see cref="CaptureStatus.CorruptFrame"/>).</summary>
    public long FramesCorrupt => Interlocked.Read(ref _framesCorrupt);

    /// <summary>Frames dropped unread because a newer one was already due (the loop was behind real time).</summary>
    public long FramesSkippedLate => Interlocked.Read(ref _framesSkippedLate);

    /// <summary>Frames the loop gave back with <see cref="SkipFrame"/> (the pipeline had no room).</summary>
    public long FramesSkipped => Interlocked.Read(ref _framesSkipped);

    /// <summary>
    /// Recorded sequence number of the first frame handed out; −1 before it. The capture loop expects a camera to count
    /// from 0 and counts a first number above 0 as device gaps: frames before the replayed window (or before the
    /// recording started) that this number tells apart from gaps inside the replay.
    /// </summary>
    public long FirstSequence => Interlocked.Read(ref _firstSequence);

    /// <summary>
    /// Accepts RGB24 at the recorded frame size, at any rate (the recording sets the pace; the rate only sizes the
    /// pipeline's deadlines). Throws <see cref="CameraException"/> naming the camera and the recorded mode otherwise:
    /// a replay plays the recorded pixels, it cannot scale or convert them. Opening again continues where the camera
    /// is (a recording cannot rewind).
    /// </summary>
    public void Open(CameraMode mode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (mode.PixelFormat != PixelFormat.Rgb24 || mode.WidthPx != RecordedMode.WidthPx || mode.HeightPx != RecordedMode.HeightPx)
        {
            throw new CameraException(
                $"replay camera '{Name}' cannot deliver {mode}: the drive recorded it at {RecordedMode}, and a replay plays the recorded frames " +
                $"as they are (open it at {RecordedMode.WidthPx}x{RecordedMode.HeightPx} {PixelFormat.Rgb24}, any rate)");
        }

        Mode = mode;
        _open = true;
    }

    public CaptureStatus WaitForFrame(CancellationToken cancellationToken, out FrameTicket ticket)
    {
        RequireOpen();
        if (_outstandingSlot >= 0)
        {
            throw new InvalidOperationException(
                $"replay camera '{Name}': the previous ticket was neither read nor skipped; pass every ticket to ReadFrame or SkipFrame before the next wait");
        }

        ticket = default;
        QueueWait wait = _queue.WaitForHead(cancellationToken, out int slot);
        if (wait != QueueWait.Ready)
        {
            return wait == QueueWait.Ended ? CaptureStatus.EndOfStream : CaptureStatus.Stopped;
        }

        long startOfFrameNs = _queue.StartOfFrameNs(slot);
        if (!_clock.SleepUntil(startOfFrameNs, cancellationToken))
        {
            return CaptureStatus.Stopped; // the frame stays queued: a later wait delivers it (or drops it as late)
        }

        // A later frame already due makes this one stale: deliver the newest due, as a sensor overwriting its buffer would.
        long nowNs = _clock.NowNs;
        while (_queue.TryPeekNext(out long nextStartNs) && nextStartNs <= nowNs)
        {
            _queue.ReleaseHead();
            Interlocked.Increment(ref _framesSkippedLate);
            _queue.WaitForHead(cancellationToken, out slot); // Ready at once: the peeked frame is queued
            startOfFrameNs = nextStartNs;
        }

        _outstandingSlot = slot;
        ticket = new FrameTicket(startOfFrameNs, _queue.Sequence(slot), slot);
        if (_firstSequence < 0)
        {
            Interlocked.Exchange(ref _firstSequence, ticket.Sequence);
        }

        return CaptureStatus.Ok;
    }

    /// <summary>
    /// Decompresses the ticket's recorded frame into <paramref name="destinationRgb24"/> (exactly
    /// <c>Mode.FrameBytes</c>). <see cref="CaptureStatus.CorruptFrame"/> when the block does not decode to a whole
    /// frame of the recorded size (the destination is then undefined). Either way the frame's queue slot is given back.
    /// </summary>
    public CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24)
    {
        int slot = TakeOutstanding(ticket);
        if (destinationRgb24.Length != Mode.FrameBytes)
        {
            _queue.ReleaseHead();
            throw new ArgumentException(
                $"replay camera '{Name}': destination is {destinationRgb24.Length} bytes; a {Mode.WidthPx}x{Mode.HeightPx} RGB24 frame is {Mode.FrameBytes}",
                nameof(destinationRgb24));
        }

        bool whole;
        try
        {
            whole = _queue.Length(slot) != ReplayFrameQueue.CorruptLength && FrameCodec.TryDecode(_queue.Payload(slot), destinationRgb24);
        }
        catch (PayloadException)
        {
            whole = false; // a prefix that does not fit the frame: as corrupt as a block that does not decode
        }
        finally
        {
            _queue.ReleaseHead();
        }

        if (!whole)
        {
            Interlocked.Increment(ref _framesCorrupt);
            return CaptureStatus.CorruptFrame;
        }

        Interlocked.Increment(ref _framesDelivered);
        return CaptureStatus.Ok;
    }

    /// <summary>Gives the ticket's frame back unread.</summary>
    /// <summary>Recorded frames are decompressed (or copied, when stored raw) into the slab.</summary>
    public FrameTransfer Transfer => new(FrameTransferKind.DecodedFromRecording, 0, Mode.FrameBytes);

    public void SkipFrame(in FrameTicket ticket)
    {
        TakeOutstanding(ticket);
        _queue.ReleaseHead();
        Interlocked.Increment(ref _framesSkipped);
    }

    /// <summary>Gives back a frame still held (so the feed is not left waiting on this camera); the feed is not owned.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (_outstandingSlot >= 0)
        {
            _outstandingSlot = -1;
            _queue.ReleaseHead();
        }
    }

    public override string ToString() => $"replay camera '{Name}' (stream {_camera} of {_feed.Info.DriveId})";

    private int TakeOutstanding(in FrameTicket ticket)
    {
        RequireOpen();
        int slot = _outstandingSlot;
        if (slot < 0 || ticket.DriverSlot != slot)
        {
            throw new InvalidOperationException(
                $"replay camera '{Name}': ticket of frame {ticket.Sequence} (slot {ticket.DriverSlot}) is not the one WaitForFrame handed out (slot {slot}); each ticket is read or skipped once");
        }

        _outstandingSlot = -1;
        return slot;
    }

    private void RequireOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_open)
        {
            throw new InvalidOperationException($"replay camera '{Name}' is not open: call Open(mode) first");
        }
    }
}
