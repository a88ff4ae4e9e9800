using Octopilot.Cameras;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;

namespace Octopilot.KernelTests.V4l2;

/// <summary>
/// Capture from vivid's webcam through <see cref="V4l2Camera"/> into an RGB24 slot, in every driver format the camera
/// converts: frames arrive in order with CLOCK_MONOTONIC start-of-frame times, and the picture is vivid's default
/// test pattern (75 % colour bars) in each format, so the conversion from the driver's buffer is checked on a real
/// driver's real layout (strides, NV12's plane offset, the colour encoding it states).
/// </summary>
public sealed class VividCaptureTests
{
    private static readonly CameraMode Mode = new(320, 180, PixelFormat.Rgb24, 10);

    [Theory]
    [InlineData("YUYV")]
    [InlineData("UYVY")]
    [InlineData("NV12")]
    [InlineData("RGB3")]
    public void Capture_EachDriverFormat_FramesInOrderWithMonotonicTimesAndColourBars(string format)
    {
        using var vivid = new VividDevices();
        // vivid writes its settings as text over most of a 180-row frame; without it the whole frame is the colour bars.
        VividDevices.SetControl(vivid.CapturePath(0), "osd_text_mode", 2);
        var options = new V4l2CameraOptions { DevicePath = vivid.CapturePath(0), PixelFormat = V4l2FourCc.Of(format) };
        using var camera = new V4l2Camera("front", options, MonotonicClock.Instance);
        camera.Open(Mode);
        Assert.Equal(V4l2FourCc.Of(format), camera.DriverFormat.FourCc);
        Assert.Equal(10, camera.DriverFramesPerSecond!.Value, 2);
        Assert.Equal(format == "RGB3" ? FrameTransferKind.CopiedFromDriverBuffer : FrameTransferKind.ConvertedFromDriverBuffer, camera.Transfer.Kind);
        Assert.False(camera.TimestampFallbackUsed);

        var rgb = new byte[Mode.FrameBytes];
        List<VividCapture.Step> steps = VividCapture.Read(camera, 8, rgb, () => MonotonicClock.Instance.NowNs);

        Assert.All(steps, s => Assert.Equal(CaptureStatus.Ok, s.Read));
        for (int i = 1; i < steps.Count; i++)
        {
            Assert.True(steps[i].Ticket.Sequence > steps[i - 1].Ticket.Sequence, $"sequence went {steps[i - 1].Ticket.Sequence} → {steps[i].Ticket.Sequence}");
            Assert.True(steps[i].Ticket.StartOfFrameNs > steps[i - 1].Ticket.StartOfFrameNs, $"start of frame not increasing at frame {i}");
        }

        // The driver's monotonic stamp minus a period is a start of frame in the past, but not long ago.
        Assert.All(steps, s =>
        {
            long ageNs = s.DequeuedAtNs - s.Ticket.StartOfFrameNs;
            Assert.True(ageNs > 0 && ageNs < 2_000_000_000, $"start of frame {ageNs / 1e6:0.0} ms before its dequeue");
        });
        Assert.Equal(0, steps[0].Ticket.Sequence);
        VividCapture.AssertColourBars(rgb, Mode.WidthPx, Mode.HeightPx, format);
    }

    [Fact]
    public void Capture_DriverDropsBuffers_SequenceGapsCountThem()
    {
        using var vivid = new VividDevices();
        string path = vivid.CapturePath(0);
        VividDevices.SetControl(path, "percentage_of_dropped_buffers", 50);
        using var camera = new V4l2Camera("front", new V4l2CameraOptions { DevicePath = path, PixelFormat = V4l2FourCc.Yuyv }, MonotonicClock.Instance);
        camera.Open(new CameraMode(320, 180, PixelFormat.Rgb24, 30));

        List<VividCapture.Step> steps = VividCapture.Read(camera, 30, new byte[320 * 180 * 3], () => MonotonicClock.Instance.NowNs);

        Assert.All(steps, s => Assert.Equal(CaptureStatus.Ok, s.Read));
        long span = steps[^1].Ticket.Sequence - steps[0].Ticket.Sequence + 1;
        long gaps = span - steps.Count;
        // Half the buffers dropped: about as many missing numbers as frames (binomial, 30 frames: well inside 0.3..3x).
        Assert.True(gaps >= 9 && gaps <= 90, $"{gaps} frames missing between sequence {steps[0].Ticket.Sequence} and {steps[^1].Ticket.Sequence} at 50 % dropped");
    }

    [Fact]
    public void WaitAndRead_SteadyState_AllocateNothing()
    {
        using var vivid = new VividDevices();
        using var camera = new V4l2Camera("front", new V4l2CameraOptions { DevicePath = vivid.CapturePath(0), PixelFormat = V4l2FourCc.Yuyv }, MonotonicClock.Instance);
        camera.Open(new CameraMode(320, 180, PixelFormat.Rgb24, 30));
        var rgb = new byte[320 * 180 * 3];
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        int okBefore = ReadFrames(camera, rgb, 40, cancel.Token); // warm-up: JIT tiers, first-use caches

        long before = GC.GetAllocatedBytesForCurrentThread();
        int ok = ReadFrames(camera, rgb, 30, cancel.Token);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(40, okBefore);
        Assert.Equal(30, ok);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public void CloseThenOpen_SameCamera_StreamsAgainFromSequenceZero()
    {
        using var vivid = new VividDevices();
        using var camera = new V4l2Camera("front", new V4l2CameraOptions { DevicePath = vivid.CapturePath(0) }, MonotonicClock.Instance);
        var rgb = new byte[Mode.FrameBytes];

        camera.Open(Mode);
        List<VividCapture.Step> first = VividCapture.Read(camera, 3, rgb, () => MonotonicClock.Instance.NowNs);
        camera.Close();
        camera.Open(Mode);
        List<VividCapture.Step> second = VividCapture.Read(camera, 3, rgb, () => MonotonicClock.Instance.NowNs);

        Assert.All(first.Concat(second), s => Assert.Equal(CaptureStatus.Ok, s.Read));
        Assert.Equal(0, second[0].Ticket.Sequence);
        Assert.True(second[0].Ticket.StartOfFrameNs > first[^1].Ticket.StartOfFrameNs);
        Assert.Equal(0, camera.DeviceLosses);
    }

    [Fact]
    public void Open_SizeTheDeviceDoesNotOffer_RefusedListingWhatItOffers()
    {
        using var vivid = new VividDevices();
        string path = vivid.CapturePath(0);
        using var camera = new V4l2Camera("front", new V4l2CameraOptions { DevicePath = path, PixelFormat = V4l2FourCc.Yuyv }, MonotonicClock.Instance);

        CameraException e = Assert.Throws<CameraException>(() => camera.Open(new CameraMode(1000, 600, PixelFormat.Rgb24, 10)));

        Assert.Contains("camera front", e.Message, StringComparison.Ordinal);
        Assert.Contains(path, e.Message, StringComparison.Ordinal);
        Assert.Contains("1000x600", e.Message, StringComparison.Ordinal);
        Assert.Contains("YUYV", e.Message, StringComparison.Ordinal);
        Assert.Contains("640x480", e.Message, StringComparison.Ordinal); // one of vivid's webcam sizes, listed as offered
    }

    [Fact]
    public void Catalog_VividLoaded_ListsItsFormatsSizesAndRates()
    {
        using var vivid = new VividDevices();

        IReadOnlyList<V4l2DeviceListing> devices = V4l2DeviceCatalog.List();

        V4l2DeviceListing listing = Assert.Single(devices, d => d.Path == vivid.CapturePath(0));
        Assert.Null(listing.Error);
        Assert.Equal("vivid", listing.Capabilities!.Driver);
        V4l2FormatListing yuyv = Assert.Single(listing.Formats, f => f.Format.FourCc == V4l2FourCc.Yuyv);
        Assert.True(yuyv.Convertible);
        V4l2SizeListing vga = Assert.Single(yuyv.Sizes, s => s.Size.Allows(640, 480));
        Assert.Contains(vga.Rates, r => r.Allows(10));
    }

    /// <summary>Wait + read, as the capture loop does, with no assertion (boxing) inside; returns the frames read.</summary>
    private static int ReadFrames(V4l2Camera camera, byte[] rgb, int frames, CancellationToken cancellationToken)
    {
        int ok = 0;
        for (int i = 0; i < frames; i++)
        {
            if (camera.WaitForFrame(cancellationToken, out FrameTicket ticket) == CaptureStatus.Ok && camera.ReadFrame(ticket, rgb) == CaptureStatus.Ok)
            {
                ok++;
            }
        }

        return ok;
    }
}
