using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>A V4L2 request failed: names the request, the device and the errno with its text.</summary>
public sealed class V4l2Exception : IOException
{
    public V4l2Exception()
    {
    }

    public V4l2Exception(string message)
        : base(message)
    {
    }

    public V4l2Exception(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public V4l2Exception(string request, string devicePath, int errno, string? hint = null)
        : base($"{request} on {devicePath} failed: {Errno.Describe(errno)}{(hint is null ? string.Empty : "; " + hint)}")
    {
        Request = request;
        DevicePath = devicePath;
        ErrorNumber = errno;
    }

    /// <summary>The ioctl or syscall that failed (VIDIOC_S_FMT, open, mmap).</summary>
    public string Request { get; } = string.Empty;

    public string DevicePath { get; } = string.Empty;

    /// <summary>The errno the kernel returned.</summary>
    public int ErrorNumber { get; }

    /// <summary>True when the device is gone (unplugged, driver unbound), not just refusing a request.</summary>
    public bool DeviceGone => Errno.MeansDeviceGone(ErrorNumber);

    /// <summary>The one place failures of this driver's syscalls become exceptions (rc is 0 or an errno).</summary>
    internal static void ThrowIfFailed(int errno, string request, string devicePath, string? hint = null)
    {
        if (errno != 0)
        {
            throw new V4l2Exception(request, devicePath, errno, hint);
        }
    }
}
