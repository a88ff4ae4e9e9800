using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2;

// Device loss and reopening: a camera that is unplugged, whose driver is rebound, or whose stream stalls.
public sealed partial class V4l2Camera
{
    private long _backoffNs;
    private long _nextReopenNs;

    /// <summary>Times the device was lost (ENODEV, or a stalled stream).</summary>
    public long DeviceLosses { get; private set; }

    /// <summary>Times it was reopened and streamed again.</summary>
    public long Reopens { get; private set; }

    /// <summary>Why the last reopen attempt failed (null after a successful one).</summary>
    public string? LastReopenError { get; private set; }

    /// <summary>Closes what is left of the device and schedules the first reopen; the one status that reports the loss.</summary>
    private CaptureStatus Lose()
    {
        CloseDevice();
        DeviceLosses++;
        _backoffNs = _options.ReopenBackoffInitialNs;
        _nextReopenNs = _clock.NowNs + _backoffNs;
        _sequence.Restart();
        return _options.Reconnect ? CaptureStatus.DeviceLost : CaptureStatus.Disconnected;
    }

    /// <summary>Waits (cancellably, until <paramref name="deadlineNs"/> at most) for the next reopen attempt and makes
    /// it: Ok when streaming again, Timeout while the device stays away, Stopped on cancellation.</summary>
    private CaptureStatus TryReopen(long deadlineNs, CancellationToken cancellationToken)
    {
        if (!_options.Reconnect)
        {
            return CaptureStatus.Disconnected;
        }

        if (_nextReopenNs > deadlineNs)
        {
            return _clock.SleepUntil(deadlineNs, cancellationToken) ? CaptureStatus.Timeout : CaptureStatus.Stopped;
        }

        if (!_clock.SleepUntil(_nextReopenNs, cancellationToken))
        {
            return CaptureStatus.Stopped;
        }

        try
        {
            OpenDevice();
            Reopens++;
            LastReopenError = null;
            _backoffNs = _options.ReopenBackoffInitialNs;
            return CaptureStatus.Ok;
        }
        catch (Exception e) when (e is V4l2Exception or CameraException)
        {
            // Allocates the message, once per attempt (at most a few per second while the camera is away): not per frame.
            LastReopenError = e.Message;
            _backoffNs = Math.Min(_backoffNs * 2, _options.ReopenBackoffMaxNs);
            _nextReopenNs = _clock.NowNs + _backoffNs;
            return CaptureStatus.Timeout;
        }
    }
}
