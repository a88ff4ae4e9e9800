using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>unistd.h: read, write and close on a file descriptor. Native names kept; no allocation per call.</summary>
internal static unsafe partial class LibcUnistd
{
    /// <summary>Bytes read, or -1 with errno set (EAGAIN when a non-blocking socket has nothing queued).</summary>
    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    public static partial nint read(CanSocketHandle fd, void* buf, nuint count);

    /// <summary>Bytes written, or -1 with errno set (EAGAIN or ENOBUFS when the interface's transmit queue is full).</summary>
    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    public static partial nint write(CanSocketHandle fd, void* buf, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int close(int fd);
}
