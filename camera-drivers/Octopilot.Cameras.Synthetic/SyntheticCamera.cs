using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// A camera that renders the highway world from its calibrated pose, at the times a free-running imager would
/// expose: frame k starts at simStart + phase + k·period on the injected clock. When the capture loop falls so far
/// behind that a later frame is already due, the camera jumps to the newest due frame and the sequence number jumps
/// with it (the gap reads as a device-level drop, as on real hardware). The frame content is the world at the
/// frame's own start-of-frame time, so the skew between cameras is in the pixels too.
/// One thread owns an instance (see <see cref="ICameraSource"/>); the world may be shared by all cameras.
/// </summary>
public sealed class SyntheticCamera : ICameraSource
{
    private readonly CameraCalibration _calibration;
    private readonly HighwayWorld _world;
    private readonly IClock _clock;
    private HighwayRenderer? _renderer;
    private byte[]? _labelScratchRgb;
    private long _nextFrameIndex;
    private bool _disposed;

    /// <param name="calibration">The camera as calibrated (any resolution); it is scaled to the mode at <see cref="Open"/>.</param>
    /// <param name="world">The shared, immutable world.</param>
    /// <param name="clock">The one clock of the process (virtual in tests and replay).</param>
    /// <param name="simStartNs">Clock time of sim time 0, ns.</param>
    /// <param name="phaseOffsetNs">Start-of-frame offset of this camera against sim start, ns, 0 or more.</param>
    public SyntheticCamera(CameraCalibration calibration, HighwayWorld world, IClock clock, long simStartNs, long phaseOffsetNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(phaseOffsetNs);
        _calibration = calibration;
        _world = world;
        _clock = clock;
        SimStartNs = simStartNs;
        PhaseOffsetNs = phaseOffsetNs;
    }

    public string Name => _calibration.Name;

    public CameraMode Mode { get; private set; }

    public long SimStartNs { get; }

    public long PhaseOffsetNs { get; }

    /// <summary>Frames this camera jumped over because the loop fell behind (the sum of all sequence gaps).</summary>
    public long FramesDropped { get; private set; }

    /// <summary>The renderer for the open mode (its calibration is the scaled one). Throws before <see cref="Open"/>.</summary>
    public HighwayRenderer Renderer => _renderer ?? throw NotOpen();

    /// <summary>
    /// Accepts RGB24 at any size with the calibration's aspect ratio (the calibration is scaled to it) and any rate
    /// <see cref="CameraMode"/> allows. Builds the per-pixel ray tables here, so it allocates and takes a moment.
    /// </summary>
    public void Open(CameraMode mode)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        int calWidth = _calibration.Intrinsics.WidthPx, calHeight = _calibration.Intrinsics.HeightPx;
        bool sameAspect = (long)mode.WidthPx * calHeight == (long)mode.HeightPx * calWidth;
        if (mode.PixelFormat != PixelFormat.Rgb24 || !sameAspect)
        {
            throw new CameraException(
                $"synthetic camera '{Name}' cannot deliver {mode}; allowed: {PixelFormat.Rgb24} at any size with the calibration's " +
                $"aspect ratio {calWidth}:{calHeight} (e.g. {calWidth / 4}x{calHeight / 4}, {calWidth}x{calHeight}), 0-{CameraMode.MaxFramesPerSecond} fps");
        }

        Mode = mode;
        _renderer = new HighwayRenderer(_calibration.ScaledTo(mode.WidthPx, mode.HeightPx), _world);
        _labelScratchRgb = null;
        _nextFrameIndex = 0;
        FramesDropped = 0;
    }

    public CaptureStatus WaitForFrame(CancellationToken cancellationToken, out FrameTicket ticket)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_renderer is null)
        {
            throw NotOpen();
        }

        long periodNs = Mode.FramePeriodNs;
        long firstFrameNs = SimStartNs + PhaseOffsetNs;
        long index = _nextFrameIndex;
        if (!_clock.SleepUntil(firstFrameNs + (index * periodNs), cancellationToken))
        {
            ticket = default;
            return CaptureStatus.Stopped;
        }

        // A later frame already due means this one is stale: deliver the newest, as a sensor overwriting its buffer would.
        long newestDue = (_clock.NowNs - firstFrameNs) / periodNs;
        if (newestDue > index)
        {
            FramesDropped += newestDue - index;
            index = newestDue;
        }

        _nextFrameIndex = index + 1;
        ticket = new FrameTicket(firstFrameNs + (index * periodNs), index);
        return CaptureStatus.Ok;
    }

    /// <summary>Sim time (ns since sim start) a ticket's frame shows.</summary>
    public long SimTimeOf(in FrameTicket ticket) => ticket.StartOfFrameNs - SimStartNs;

    /// <summary>Renders the ticket's frame into the destination (exactly Mode.FrameBytes). Allocates nothing.</summary>
    public CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24)
    {
        HighwayRenderer renderer = RendererForRead(destinationRgb24.Length, nameof(destinationRgb24));
        renderer.Render(SimTimeOf(ticket), destinationRgb24, null);
        return CaptureStatus.Ok;
    }

    /// <summary>Renders the ticket's frame and its ground truth in one pass. Allocates nothing.</summary>
    public CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24, LabelBuffer labels)
    {
        HighwayRenderer renderer = RendererForRead(destinationRgb24.Length, nameof(destinationRgb24));
        renderer.Render(SimTimeOf(ticket), destinationRgb24, labels);
        return CaptureStatus.Ok;
    }

    /// <summary>
    /// Renders only the ground truth of a ticket's frame (snapshot mode, off the hot path): the image goes to a scratch
    /// frame allocated on first use, so the labels are exactly those of the frame <see cref="ReadFrame(in FrameTicket, Span{byte})"/> gave.
    /// </summary>
    public void RenderLabels(in FrameTicket ticket, LabelBuffer labels)
    {
        HighwayRenderer renderer = Renderer;
        _labelScratchRgb ??= new byte[renderer.FrameBytes];
        renderer.Render(SimTimeOf(ticket), _labelScratchRgb, labels);
    }

    /// <summary>A label buffer of the open mode's size; allocate once and reuse.</summary>
    public LabelBuffer CreateLabelBuffer() => Renderer.CreateLabelBuffer();

    /// <summary>Nothing to give back: the frame index already moved past the ticket.</summary>
    /// <summary>Rendered straight into the slab: nothing is copied.</summary>
    public FrameTransfer Transfer => new(FrameTransferKind.RenderedInPlace, 0, Mode.FrameBytes);

    public void SkipFrame(in FrameTicket ticket)
    {
    }

    public void Dispose()
    {
        _disposed = true;
        _renderer = null;
        _labelScratchRgb = null;
    }

    private HighwayRenderer RendererForRead(int destinationBytes, string paramName)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        HighwayRenderer renderer = _renderer ?? throw NotOpen();
        if (destinationBytes != renderer.FrameBytes)
        {
            HighwayRenderer.ThrowWrongLength(renderer.FrameBytes, destinationBytes, paramName);
        }

        return renderer;
    }

    private InvalidOperationException NotOpen() => new($"synthetic camera '{Name}' is not open: call Open(mode) first");
}
