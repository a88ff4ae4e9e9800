using Octopilot.Cameras;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;

namespace Octopilot.KernelTests.V4l2;

/// <summary>
/// A camera that disappears mid-stream. vivid's "disconnect" control makes the driver behave as an unplugged USB camera
/// (every ioctl answers ENODEV, poll says error/hang-up, open fails), and vivid comes back by itself (the replug) once
/// the last process holding one of its nodes closes it. The camera must report the loss once, keep waiting without
/// spinning while the device is away, and stream again from the same path when it returns.
/// </summary>
public sealed class VividDeviceLossTests
{
    private static readonly CameraMode Mode = new(320, 180, PixelFormat.Rgb24, 10);

    [Fact]
    public void DisconnectMidStream_ReportedLostOnceWaitsWhileAwayThenStreamsAgain()
    {
        using var vivid = new VividDevices();
        string path = vivid.CapturePath(0);
        var options = new V4l2CameraOptions { DevicePath = path, ReopenBackoffInitialNs = 100_000_000, ReopenBackoffMaxNs = 400_000_000 };
        using var camera = new V4l2Camera("front", options, MonotonicClock.Instance);
        camera.Open(Mode);
        var rgb = new byte[Mode.FrameBytes];
        List<VividCapture.Step> before = VividCapture.Read(camera, 3, rgb, () => MonotonicClock.Instance.NowNs);
        Assert.All(before, s => Assert.Equal(CaptureStatus.Ok, s.Read));

        // Another holder of the node (a monitoring tool, say) keeps vivid from coming back while the camera waits.
        V4l2Device holder = V4l2Device.Open(path);
        List<CaptureStatus> lost;
        try
        {
            TryDisconnect(path);
            lost = WaitUntil(camera, CaptureStatus.DeviceLost, 10);
            Assert.Equal(CaptureStatus.DeviceLost, lost[^1]);
            Assert.Equal(1, camera.DeviceLosses);

            List<CaptureStatus> whileAway = [camera.WaitForFrame(CancellationToken.None, out _), camera.WaitForFrame(CancellationToken.None, out _)];
            Assert.All(whileAway, s => Assert.Equal(CaptureStatus.Timeout, s)); // away: one timeout per wait, no second loss, no error spin
            Assert.Equal(1, camera.DeviceLosses);
            Assert.Equal(0, camera.Reopens);
            Assert.Contains("ENODEV", camera.LastReopenError, StringComparison.Ordinal); // it tried, and says why it failed
        }
        finally
        {
            holder.Dispose(); // the last user closes: vivid re-registers its nodes, as if plugged back in
        }

        List<CaptureStatus> back = WaitUntil(camera, CaptureStatus.Ok, 30, out FrameTicket resumed);
        Assert.Equal(CaptureStatus.Ok, back[^1]);
        Assert.Equal(CaptureStatus.Ok, camera.ReadFrame(resumed, rgb));
        Assert.DoesNotContain(CaptureStatus.DeviceError, back);
        Assert.Equal(1, camera.Reopens);
        Assert.Equal(1, camera.DeviceLosses);
        Assert.Null(camera.LastReopenError);
        // Numbering carries on across the loss, with the time away counted as missing frames.
        long missing = resumed.Sequence - before[^1].Ticket.Sequence - 1;
        long awayPeriods = (resumed.StartOfFrameNs - before[^1].Ticket.StartOfFrameNs) / Mode.FramePeriodNs;
        Assert.True(missing > 0 && Math.Abs(missing - (awayPeriods - 1)) <= 1, $"{missing} frames counted missing over {awayPeriods} periods away");
    }

    [Fact]
    public void DisconnectMidStream_ReconnectOff_EndsAsDisconnected()
    {
        using var vivid = new VividDevices();
        string path = vivid.CapturePath(0);
        using var camera = new V4l2Camera("front", new V4l2CameraOptions { DevicePath = path, Reconnect = false }, MonotonicClock.Instance);
        camera.Open(Mode);
        Assert.All(VividCapture.Read(camera, 2, new byte[Mode.FrameBytes], () => MonotonicClock.Instance.NowNs), s => Assert.Equal(CaptureStatus.Ok, s.Read));

        TryDisconnect(path);
        List<CaptureStatus> statuses = WaitUntil(camera, CaptureStatus.Disconnected, 10);

        Assert.Equal(CaptureStatus.Disconnected, statuses[^1]);
        Assert.Equal(CaptureStatus.Disconnected, camera.WaitForFrame(CancellationToken.None, out _));
    }

    private static List<CaptureStatus> WaitUntil(V4l2Camera camera, CaptureStatus wanted, int maxWaits) => WaitUntil(camera, wanted, maxWaits, out _);

    /// <summary>Waits until <paramref name="wanted"/> (frames before it, already in flight, are given back unread).</summary>
    private static List<CaptureStatus> WaitUntil(V4l2Camera camera, CaptureStatus wanted, int maxWaits, out FrameTicket last)
    {
        var statuses = new List<CaptureStatus>();
        last = default;
        while (statuses.Count < maxWaits)
        {
            CaptureStatus status = camera.WaitForFrame(CancellationToken.None, out last);
            statuses.Add(status);
            if (status == wanted)
            {
                break;
            }

            if (status == CaptureStatus.Ok)
            {
                camera.SkipFrame(last);
            }
        }

        return statuses;
    }

    /// <summary>vivid's "disconnect" button; v4l2-ctl may itself see ENODEV on its way out, which is the point.</summary>
    private static void TryDisconnect(string path)
    {
        try
        {
            VividDevices.SetControl(path, "disconnect", 1);
        }
        catch (InvalidOperationException)
        {
        }
    }
}
