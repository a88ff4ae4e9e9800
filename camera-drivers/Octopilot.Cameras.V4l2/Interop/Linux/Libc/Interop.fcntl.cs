using System.Runtime.InteropServices;

namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

/// <summary>fcntl.h / unistd.h: open and close a device node. Native names kept.</summary>
internal static partial class LibcFcntl
{
    public const int O_RDWR = 0x0002;

    /// <summary>DQBUF returns EAGAIN instead of blocking: the wait is poll(2) with a timeout, never a blocking ioctl.</summary>
    public const int O_NONBLOCK = 0x0800;

    public const int O_CLOEXEC = 0x80000;

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int close(int fd);
}
