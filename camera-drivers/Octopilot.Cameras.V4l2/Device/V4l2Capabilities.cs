using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>What VIDIOC_QUERYCAP says about a device node.</summary>
/// <param name="DeviceCaps">The node's own capabilities (V4L2_CAP_*), or the device's when the driver does not report per-node caps.</param>
public sealed record V4l2Capabilities(string Driver, string Card, string BusInfo, uint KernelVersion, uint DeviceCaps)
{
    /// <summary>A single-planar capture node with streaming I/O: what this driver reads.</summary>
    public bool CanCaptureStreaming =>
        (DeviceCaps & Videodev2.V4L2_CAP_VIDEO_CAPTURE) != 0 && (DeviceCaps & Videodev2.V4L2_CAP_STREAMING) != 0;

    /// <summary>A multi-planar capture node (not supported by this driver; named in the refusal).</summary>
    public bool IsMultiplanarCapture => (DeviceCaps & Videodev2.V4L2_CAP_VIDEO_CAPTURE_MPLANE) != 0;

    public string KernelVersionText => $"{(KernelVersion >> 16) & 0xff}.{(KernelVersion >> 8) & 0xff}.{KernelVersion & 0xff}";
}
