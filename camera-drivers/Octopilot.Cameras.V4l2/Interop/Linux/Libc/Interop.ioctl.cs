using System.Runtime.InteropServices;

namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

/// <summary>sys/ioctl.h: one entry point taking a pointer to the request's struct; callers pass stack structs (no allocation).</summary>
internal static unsafe partial class LibcIoctl
{
    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int ioctl(int fd, nuint request, void* argument);

    /// <summary>Runs the request, retrying on EINTR; returns 0 or the errno.</summary>
    public static int Call(int fd, uint request, void* argument)
    {
        while (true)
        {
            if (ioctl(fd, request, argument) >= 0)
            {
                return 0;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
            {
                return errno;
            }
        }
    }
}
