using System.Diagnostics;
using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.DmaBuf;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;
using Octopilot.Core.Interop.Linux.Libc;
using Octopilot.Cameras.V4l2.Streaming;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.V4l2;

/// <summary>
/// A V4L2 capture device as an <see cref="ICameraSource"/>: mmap streaming, <see cref="WaitForFrame"/> as poll(2) with a
/// timeout and a non-blocking VIDIOC_DQBUF, the driver's CLOCK_MONOTONIC timestamp turned into the start of frame, its
/// sequence numbers into the camera's (a gap is frames the device dropped), and <see cref="ReadFrame"/> as one pass
/// from the driver's buffer into the slab (<see cref="DriverFrameConverter"/>) before the buffer goes straight back to
/// the driver. A device that disappears (ENODEV, or a stream that stalls for <see cref="V4l2CameraOptions.TimeoutsBeforeRestart"/>
/// timeouts) is reported once as <see cref="CaptureStatus.DeviceLost"/> and reopened with exponential back-off from the
/// same path; while it is away each wait ends as <see cref="CaptureStatus.Timeout"/>. One thread owns it from Open to
/// Dispose; nothing is allocated per frame.
/// </summary>
public sealed partial class V4l2Camera : ICameraSource
{
    /// <summary>Longest single poll(2), ms: bounds how long a stop request waits.</summary>
    private const int PollSliceMs = 50;

    private readonly V4l2CameraOptions _options;
    private readonly IClock _clock;
    private readonly long _clockOffsetNs;
    private V4l2Device? _device;
    private IDriverBufferSet? _buffers;
    private DriverFrameConverter? _converter;
    private StartOfFrameClock _startOfFrame;
    private SequenceMapper _sequence;
    private int[] _bytesUsed = [];
    private uint[] _bufferFlags = [];
    private long _frameTimeoutNs;
    private int _consecutiveTimeouts;
    private bool _opened;

    public V4l2Camera(string name, V4l2CameraOptions options, IClock clock)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.DevicePath);
        if (options.BufferCount is < 2 or > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"camera {name}: BufferCount must be in 2..32, got {options.BufferCount}");
        }

        if (options.ReopenBackoffInitialNs <= 0 || options.ReopenBackoffMaxNs < options.ReopenBackoffInitialNs || options.TimeoutsBeforeRestart < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), $"camera {name}: reopen back-off must be 0 < initial <= max and TimeoutsBeforeRestart >= 1");
        }

        Name = name;
        _options = options;
        _clock = clock;
        _clockOffsetNs = ReferenceEquals(clock, MonotonicClock.Instance) ? 0 : MeasureClockOffsetNs(clock);
        _backoffNs = options.ReopenBackoffInitialNs;
    }

    public string Name { get; }

    public CameraMode Mode { get; private set; }

    public string DevicePath => _options.DevicePath;

    /// <summary>What the driver set at the last (re)open: format code, size, stride.</summary>
    public V4l2PixFormat DriverFormat { get; private set; }

    /// <summary>The frame rate the driver accepted, or null when it does not let the rate be set.</summary>
    public double? DriverFramesPerSecond { get; private set; }

    /// <summary>The driver and card of the device (from VIDIOC_QUERYCAP at the last open).</summary>
    public V4l2Capabilities? Capabilities { get; private set; }

    /// <summary>True when the frames land in imported DMABUF buffers (<see cref="V4l2CameraOptions.DmaBufAllocator"/>), false for the driver's own mmap buffers.</summary>
    public bool ImportsDmaBuf => _buffers?.Memory == Videodev2.V4L2_MEMORY_DMABUF;

    /// <summary>Driver buffers in use (granted by REQBUFS; the driver may grant more than asked).</summary>
    public int BufferCount => _buffers?.Count ?? 0;

    /// <summary>True when the queue can import DMABUF descriptors (V4L2_BUF_CAP_SUPPORTS_DMABUF), e.g. GPU memory.</summary>
    public bool SupportsDmaBufImport => _buffers is not null && (_buffers.QueueCapabilities & Videodev2.V4L2_BUF_CAP_SUPPORTS_DMABUF) != 0;

    /// <summary>True once the driver gave a buffer without a monotonic timestamp (start of frame then taken from the dequeue time).</summary>
    public bool TimestampFallbackUsed => _startOfFrame.UsedFallback;

    public FrameTransfer Transfer => _converter?.Transfer ?? FrameTransfer.Unknown;

    /// <summary>Frames the driver flagged as corrupt (V4L2_BUF_FLAG_ERROR) or that came shorter than the format.</summary>
    public long CorruptFrames { get; private set; }

    /// <summary>Frames handed to the slab.</summary>
    public long FramesRead { get; private set; }

    public void Open(CameraMode mode)
    {
        if (mode.PixelFormat != PixelFormat.Rgb24)
        {
            throw new CameraException($"camera {Name} ({DevicePath}): the slab takes RGB24 frames (asked for {mode.PixelFormat}); the device format is chosen by the camera");
        }

        if (_opened)
        {
            throw new InvalidOperationException($"camera {Name} is already open; Close it first");
        }

        Mode = mode;
        _frameTimeoutNs = _options.FrameTimeoutNs > 0 ? _options.FrameTimeoutNs : Math.Max(4 * mode.FramePeriodNs, 1_000_000_000);
        _sequence = default;
        try
        {
            OpenDevice();
        }
        catch (V4l2Exception e)
        {
            throw new CameraException($"camera {Name}: {e.Message}", e);
        }

        _opened = true;
    }

    public CaptureStatus WaitForFrame(CancellationToken cancellationToken, out FrameTicket ticket)
    {
        ticket = default;
        long deadlineNs = _clock.NowNs + _frameTimeoutNs;
        if (_device is null)
        {
            CaptureStatus recovered = TryReopen(deadlineNs, cancellationToken);
            if (recovered != CaptureStatus.Ok)
            {
                return recovered;
            }
        }

        while (true)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return CaptureStatus.Stopped;
            }

            int errno = _device!.TryDequeue(_buffers!.Memory, out V4l2DequeuedBuffer buffer);
            if (errno == 0)
            {
                _consecutiveTimeouts = 0;
                long startOfFrameNs = _startOfFrame.StartOfFrameNs(buffer.TimestampNs, buffer.Flags, _clock.NowNs);
                _bytesUsed[buffer.Index] = buffer.BytesUsed;
                _bufferFlags[buffer.Index] = buffer.Flags;
                ticket = new FrameTicket(startOfFrameNs, _sequence.Next(buffer.Sequence, startOfFrameNs, Mode.FramePeriodNs), buffer.Index);
                return CaptureStatus.Ok;
            }

            if (errno != Errno.EAGAIN)
            {
                return Errno.MeansDeviceGone(errno) ? Lose() : CaptureStatus.DeviceError;
            }

            long remainingNs = deadlineNs - _clock.NowNs;
            if (remainingNs <= 0)
            {
                return ++_consecutiveTimeouts >= _options.TimeoutsBeforeRestart ? Lose() : CaptureStatus.Timeout;
            }

            int events = _device.Poll((int)Math.Min(PollSliceMs, Math.Max(1, remainingNs / 1_000_000)), out int pollErrno);
            if (events < 0)
            {
                return Errno.MeansDeviceGone(pollErrno) ? Lose() : CaptureStatus.DeviceError;
            }

            if ((events & (LibcPoll.POLLERR | LibcPoll.POLLHUP | LibcPoll.POLLNVAL)) != 0 && (events & LibcPoll.POLLIN) == 0)
            {
                // No buffer but an error: the dequeue says which (ENODEV when unplugged); spin protection is the loop's back-off.
                errno = _device.TryDequeue(_buffers.Memory, out _);
                return errno != 0 && Errno.MeansDeviceGone(errno) ? Lose() : CaptureStatus.DeviceError;
            }
        }
    }

    public CaptureStatus ReadFrame(in FrameTicket ticket, Span<byte> destinationRgb24)
    {
        int index = ticket.DriverSlot;
        if (_device is null || _buffers is null || _converter is null || (uint)index >= (uint)_buffers.Count)
        {
            return CaptureStatus.DeviceError; // lost between wait and read: the buffer went with the device
        }

        CaptureStatus status = CaptureStatus.Ok;
        if ((_bufferFlags[index] & Videodev2.V4L2_BUF_FLAG_ERROR) != 0 || _bytesUsed[index] < _converter.MinimumBytesUsed
            || destinationRgb24.Length != Mode.FrameBytes)
        {
            CorruptFrames++;
            status = CaptureStatus.CorruptFrame;
        }
        else
        {
            _converter.Convert(_buffers.Frame(index, _bytesUsed[index]), destinationRgb24);
            FramesRead++;
        }

        return Requeue(index) ? status : Lose();
    }

    public void SkipFrame(in FrameTicket ticket)
    {
        if (_device is not null && _buffers is not null && (uint)ticket.DriverSlot < (uint)_buffers.Count && !Requeue(ticket.DriverSlot))
        {
            Lose(); // reported by the next wait (which finds no device and starts reopening)
        }
    }

    /// <summary>Stops streaming and releases the device; <see cref="Open"/> may be called again afterwards.</summary>
    public void Close()
    {
        CloseDevice();
        _opened = false;
    }

    public void Dispose() => Close();

    private void OpenDevice()
    {
        V4l2Device device = V4l2Device.Open(DevicePath);
        try
        {
            V4l2Capabilities caps = device.QueryCapabilities();
            if (!caps.CanCaptureStreaming)
            {
                throw new V4l2Exception(
                    $"{DevicePath} ({caps.Driver}, '{caps.Card}') is not a single-planar streaming capture device" +
                    (caps.IsMultiplanarCapture ? " (it is multi-planar, which this driver does not read)" : string.Empty));
            }

            IReadOnlyList<V4l2FormatDescription> formats = device.EnumerateFormats();
            V4l2FourCc fourCc = V4l2ModeSelector.Select(
                Name, DevicePath, Mode, _options.PixelFormat, DriverFrameConverter.Supported, formats, device.EnumerateFrameSizes, device.EnumerateFrameIntervals);
            V4l2PixFormat set = device.SetFormat(fourCc, Mode.WidthPx, Mode.HeightPx);
            if (set.FourCc != fourCc || set.WidthPx != Mode.WidthPx || set.HeightPx != Mode.HeightPx)
            {
                throw new V4l2Exception(
                    $"{DevicePath}: asked for {fourCc} {Mode.WidthPx}x{Mode.HeightPx}, the driver set {set.FourCc} {set.WidthPx}x{set.HeightPx}; it offers " +
                    V4l2ModeSelector.Describe(formats, device.EnumerateFrameSizes, device.EnumerateFrameIntervals));
            }

            double? rate = device.SetFrameRate(Mode.FramesPerSecond);
            if (rate is double fps && Math.Abs(fps - Mode.FramesPerSecond) > Mode.FramesPerSecond * V4l2FrameInterval.RateToleranceFraction)
            {
                throw new V4l2Exception(FormattableString.Invariant(
                    $"{DevicePath}: asked for {Mode.FramesPerSecond:0.##} fps at {fourCc} {Mode.WidthPx}x{Mode.HeightPx}, the driver set {fps:0.##} fps; rates there: {string.Join("/", device.EnumerateFrameIntervals(fourCc, Mode.WidthPx, Mode.HeightPx))}"));
            }

            if (set.BytesPerLine < DriverFrameConverter.RowBytes(set) || set.SizeImageBytes < DriverFrameConverter.RowBytes(set) * set.HeightPx)
            {
                throw new V4l2Exception(
                    $"{DevicePath}: the driver set {set.FourCc} {set.WidthPx}x{set.HeightPx} with a row stride of {set.BytesPerLine} bytes and frames of {set.SizeImageBytes} bytes, too small for that format");
            }

            var converter = new DriverFrameConverter(set, _options.Matrix ?? DriverFrameConverter.MatrixOf(set));
            IDriverBufferSet buffers = _options.DmaBufAllocator is IDmaBufAllocator allocator
                ? ImportedBufferSet.Import(device, allocator, _options.BufferCount, set.SizeImageBytes)
                : MappedBufferSet.Map(device, _options.BufferCount);
            try
            {
                buffers.QueueAll();
                device.StreamOn();
            }
            catch
            {
                buffers.Dispose();
                throw;
            }

            _device = device;
            _buffers = buffers;
            _converter = converter;
            Capabilities = caps;
            DriverFormat = set;
            DriverFramesPerSecond = rate;
            _bytesUsed = new int[buffers.Count];
            _bufferFlags = new uint[buffers.Count];
            _startOfFrame = new StartOfFrameClock(rate is double r ? TimeUnits.PeriodNs(r) : Mode.FramePeriodNs, _clockOffsetNs);
            _consecutiveTimeouts = 0;
        }
        catch
        {
            device.Dispose();
            throw;
        }
    }

    private bool Requeue(int index)
    {
        int errno = _buffers!.Requeue(index);
        return errno == 0 || !Errno.MeansDeviceGone(errno);
    }

    private void CloseDevice()
    {
        if (_device is null)
        {
            return;
        }

        _device.StreamOff(); // a gone device answers ENODEV: nothing left to stop
        _buffers?.Dispose();
        _device.Dispose();
        _device = null;
        _buffers = null;
    }

    /// <summary>CLOCK_MONOTONIC (what drivers stamp with) minus the injected clock, for clocks other than the real one.</summary>
    private static long MeasureClockOffsetNs(IClock clock)
    {
        long before = Stopwatch.GetTimestamp();
        long clockNs = clock.NowNs;
        long after = Stopwatch.GetTimestamp();
        double nsPerTick = 1e9 / Stopwatch.Frequency;
        return clockNs - (long)(((before + after) / 2.0) * nsPerTick);
    }
}
