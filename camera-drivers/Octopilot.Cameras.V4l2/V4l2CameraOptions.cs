using Octopilot.Cameras.Conversion;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.DmaBuf;

namespace Octopilot.Cameras.V4l2;

/// <summary>How one V4L2 camera is opened and kept alive. Immutable; validated by <see cref="V4l2Camera"/>'s constructor.</summary>
public sealed record V4l2CameraOptions
{
    /// <summary>Driver buffers: one being converted, one being filled, two of slack for a late reader. UVC and most
    /// GMSL drivers stream smoothly with 4; fewer makes the driver drop while we convert.</summary>
    public const int DefaultBufferCount = 4;

    /// <summary>First wait before reopening a lost device, ns: a USB re-enumeration takes ~100 ms.</summary>
    public const long DefaultReopenBackoffInitialNs = 100_000_000;

    /// <summary>Longest wait between reopen attempts, ns: a camera that comes back is streaming again within 2 s.</summary>
    public const long DefaultReopenBackoffMaxNs = 2_000_000_000;

    /// <summary>Consecutive frame timeouts after which a streaming device counts as stalled and is reopened.</summary>
    public const int DefaultTimeoutsBeforeRestart = 3;

    /// <summary>The device node: /dev/videoN, or better a stable /dev/v4l/by-path/... link that survives re-enumeration.</summary>
    public required string DevicePath { get; init; }

    /// <summary>The pixel format to stream (YUYV, UYVY, NV12, RGB3); null picks the first of those the device offers at the mode.</summary>
    public V4l2FourCc? PixelFormat { get; init; }

    public int BufferCount { get; init; } = DefaultBufferCount;

    /// <summary>How long a wait for a frame may take before it is a timeout, ns; 0: four frame periods, at least 1 s.</summary>
    public long FrameTimeoutNs { get; init; }

    /// <summary>Colour matrix of YUV formats; null: the one the driver states for the format (BT.601 limited by default).</summary>
    public YuvMatrix? Matrix { get; init; }

    public long ReopenBackoffInitialNs { get; init; } = DefaultReopenBackoffInitialNs;

    public long ReopenBackoffMaxNs { get; init; } = DefaultReopenBackoffMaxNs;

    public int TimeoutsBeforeRestart { get; init; } = DefaultTimeoutsBeforeRestart;

    /// <summary>
    /// Where the capture buffers come from: null, the driver's own (mmap); otherwise DMABUF buffers this allocator
    /// provides, imported into the driver (V4L2_MEMORY_DMABUF), so the frames land in memory another device owns (a
    /// GPU, an encoder). The allocator's buffers must outlive the camera.
    /// </summary>
    public IDmaBufAllocator? DmaBufAllocator { get; init; }

    /// <summary>Reopen a lost device with back-off (true, a vehicle's cameras come back) or end the camera (false).</summary>
    public bool Reconnect { get; init; } = true;
}
