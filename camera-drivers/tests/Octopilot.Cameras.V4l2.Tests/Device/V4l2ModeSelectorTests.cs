using Octopilot.Cameras.V4l2.Device;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>
/// Choosing the driver's pixel format for a mode from what the device enumerates, and refusing with a message that
/// names the camera, the device and everything it offers.
/// </summary>
public sealed class V4l2ModeSelectorTests
{
    private const string Camera = "front_main";
    private const string DevicePath = "/dev/v4l/by-path/pci-0000:00:14.0-usb-0:2:1.0-video-index0";

    /// <summary>The convertible formats in the camera's order of preference (RGB24 first, then the 4:2:2 formats, then NV12).</summary>
    private static readonly V4l2FourCc[] Convertible = [V4l2FourCc.Rgb24, V4l2FourCc.Yuyv, V4l2FourCc.Uyvy, V4l2FourCc.Nv12];

    private static readonly CameraMode Vga30 = new(640, 480, PixelFormat.Rgb24, 30);

    private static V4l2FourCc Select(FakeEnumeration device, CameraMode mode, V4l2FourCc? preferred = null) =>
        V4l2ModeSelector.Select(Camera, DevicePath, mode, preferred, Convertible, device.Formats, device.SizesOf, device.RatesOf);

    [Fact]
    public void Select_PreferredOfferedAtTheMode_PicksIt()
    {
        FakeEnumeration device = new FakeEnumeration()
            .Format("YUYV").Size(640, 480, 30, 15)
            .Format("UYVY").Size(640, 480, 30);

        Assert.Equal(V4l2FourCc.Uyvy, Select(device, Vga30, V4l2FourCc.Uyvy));
    }

    [Fact]
    public void Select_PreferredOfferedButNotAtTheModeSize_ThrowsListingWhatTheDeviceOffers()
    {
        FakeEnumeration device = new FakeEnumeration()
            .Format("YUYV").Size(640, 480, 30, 15).Size(1280, 720, 10)
            .Format("MJPG", compressed: true).Size(1920, 1080, 30);
        var mode = new CameraMode(1920, 1080, PixelFormat.Rgb24, 30);

        CameraException e = Assert.Throws<CameraException>(() => Select(device, mode, V4l2FourCc.Yuyv));

        Assert.Contains(Camera, e.Message, StringComparison.Ordinal);
        Assert.Contains(DevicePath, e.Message, StringComparison.Ordinal);
        Assert.Contains("1920x1080 at 30 fps", e.Message, StringComparison.Ordinal); // what was asked
        Assert.Contains("YUYV 640x480 @ 30/15 fps", e.Message, StringComparison.Ordinal);
        Assert.Contains("1280x720 @ 10 fps", e.Message, StringComparison.Ordinal);
        Assert.Contains("MJPG (compressed) 1920x1080 @ 30 fps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_PreferredOfferedButNotAtTheModeRate_Throws()
    {
        FakeEnumeration device = new FakeEnumeration().Format("YUYV").Size(640, 480, 15, 5);

        CameraException e = Assert.Throws<CameraException>(() => Select(device, Vga30, V4l2FourCc.Yuyv));

        Assert.Contains("640x480 @ 15/5 fps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_PreferredNotOffered_ThrowsEvenWhenAnotherFormatFits()
    {
        FakeEnumeration device = new FakeEnumeration().Format("YUYV").Size(640, 480, 30);

        CameraException e = Assert.Throws<CameraException>(() => Select(device, Vga30, V4l2FourCc.Nv12));

        Assert.Contains("NV12", e.Message, StringComparison.Ordinal);
        Assert.Contains("YUYV 640x480 @ 30 fps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_PreferredNotConvertible_ThrowsNamingTheConvertibleFormats()
    {
        FakeEnumeration device = new FakeEnumeration().Format("MJPG", compressed: true).Size(640, 480, 30);

        CameraException e = Assert.Throws<CameraException>(() => Select(device, Vga30, V4l2FourCc.Mjpeg));

        Assert.Contains("MJPG", e.Message, StringComparison.Ordinal);
        Assert.Contains("RGB3, YUYV, UYVY, NV12", e.Message, StringComparison.Ordinal);
        Assert.Contains(Camera, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NoPreference_PicksTheFirstConvertibleInSupportedOrderNotTheDriverOrder()
    {
        // The driver lists YUYV first; RGB24 needs no arithmetic, so it wins.
        FakeEnumeration device = new FakeEnumeration()
            .Format("YUYV").Size(640, 480, 30)
            .Format("RGB3").Size(640, 480, 30);

        Assert.Equal(V4l2FourCc.Rgb24, Select(device, Vga30));
    }

    [Fact]
    public void Select_NoPreferenceAndTheFirstConvertibleLacksTheMode_PicksTheNextThatHasIt()
    {
        FakeEnumeration device = new FakeEnumeration()
            .Format("RGB3").Size(320, 240, 30)
            .Format("NV12").Size(640, 480, 30)
            .Format("YUYV").Size(640, 480, 15);

        Assert.Equal(V4l2FourCc.Nv12, Select(device, Vga30));
    }

    [Fact]
    public void Select_MjpegOnlyDevice_ThrowsSayingItIsCompressedAndListingConvertibleFormats()
    {
        FakeEnumeration device = new FakeEnumeration().Format("MJPG", compressed: true).Size(640, 480, 30);

        CameraException e = Assert.Throws<CameraException>(() => Select(device, Vga30));

        Assert.Contains("MJPG (compressed)", e.Message, StringComparison.Ordinal);
        Assert.Contains("RGB3, YUYV, UYVY, NV12", e.Message, StringComparison.Ordinal);
        Assert.Contains(Camera, e.Message, StringComparison.Ordinal);
        Assert.Contains(DevicePath, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_DriverEnumeratesNoSizesOrRates_AcceptsTheFormat()
    {
        FakeEnumeration device = new FakeEnumeration().Format("UYVY");

        Assert.Equal(V4l2FourCc.Uyvy, Select(device, Vga30));
        Assert.True(device.SizeQueries > 0);
    }

    [Fact]
    public void Select_SizesButNoRates_AcceptsAnAllowedSize()
    {
        FakeEnumeration device = new FakeEnumeration().Format("YUYV").Size(640, 480);

        Assert.Equal(V4l2FourCc.Yuyv, Select(device, Vga30));
    }

    [Fact]
    public void Select_StepwiseSizeAndRateRanges_AcceptsASizeOnItsSteps()
    {
        FakeEnumeration device = new FakeEnumeration().Format("NV12").Size(new V4l2FrameSize(64, 4096, 16, 64, 2160, 8), new V4l2FrameInterval(5, 60));

        Assert.Equal(V4l2FourCc.Nv12, Select(device, Vga30));
        Assert.Throws<CameraException>(() => Select(device, new CameraMode(650, 480, PixelFormat.Rgb24, 30)));
    }

    [Fact]
    public void Select_DiscreteRatesEitherSideOfTheMode_RefusesTheRateBetweenThem()
    {
        FakeEnumeration device = new FakeEnumeration().Format("YUYV").Size(640, 480, 15, 60);

        CameraException e = Assert.Throws<CameraException>(() => Select(device, Vga30));

        Assert.Contains("640x480 @ 15/60 fps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Select_NtscRateListed_AcceptsThirtyRequested()
    {
        FakeEnumeration device = new FakeEnumeration().Format("YUYV").Size(640, 480, 30000.0 / 1001);

        Assert.Equal(V4l2FourCc.Yuyv, Select(device, Vga30));
    }

    [Fact]
    public void Select_DeviceWithNoFormats_ThrowsSayingSo()
    {
        CameraException e = Assert.Throws<CameraException>(() => Select(new FakeEnumeration(), Vga30));

        Assert.Contains("no capture formats", e.Message, StringComparison.Ordinal);
    }
}
