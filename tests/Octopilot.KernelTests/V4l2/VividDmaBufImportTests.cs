using Octopilot.Cameras;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.DmaBuf;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;

namespace Octopilot.KernelTests.V4l2;

/// <summary>
/// DMABUF import: the camera's frames land in buffers another device owns. vivid's second instance exports its buffers
/// (VIDIOC_EXPBUF), the camera on the first imports them (V4L2_MEMORY_DMABUF), as a camera would import GPU memory on
/// the vehicle computer, and the frames decode exactly as with the driver's own buffers.
/// </summary>
public sealed class VividDmaBufImportTests
{
    private static readonly CameraMode Mode = new(320, 180, PixelFormat.Rgb24, 10);

    [Fact]
    public void Capture_IntoBuffersExportedByAnotherDevice_FramesDecodeAsWithMmap()
    {
        using var vivid = new VividDevices();
        VividDevices.SetControl(vivid.CapturePath(0), "osd_text_mode", 2);
        using var allocator = new V4l2ExportedBufferAllocator(vivid.CapturePath(1), V4l2FourCc.Yuyv, Mode.WidthPx, Mode.HeightPx);
        var options = new V4l2CameraOptions { DevicePath = vivid.CapturePath(0), PixelFormat = V4l2FourCc.Yuyv, DmaBufAllocator = allocator };
        using var camera = new V4l2Camera("front", options, MonotonicClock.Instance);

        camera.Open(Mode);
        var rgb = new byte[Mode.FrameBytes];
        List<VividCapture.Step> steps = VividCapture.Read(camera, 6, rgb, () => MonotonicClock.Instance.NowNs);

        Assert.True(camera.ImportsDmaBuf);
        Assert.True(camera.SupportsDmaBufImport);
        Assert.Equal(FrameTransferKind.ConvertedFromDriverBuffer, camera.Transfer.Kind);
        Assert.All(steps, s => Assert.Equal(CaptureStatus.Ok, s.Read));
        for (int i = 1; i < steps.Count; i++)
        {
            Assert.True(steps[i].Ticket.Sequence > steps[i - 1].Ticket.Sequence);
        }

        VividCapture.AssertColourBars(rgb, Mode.WidthPx, Mode.HeightPx, "YUYV into imported DMABUF");
    }
}
