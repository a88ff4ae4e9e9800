using System.Runtime.InteropServices;

namespace Octopilot.Vehicle.Can.Interop.Linux.Libc;

/// <summary>poll.h: waiting for a descriptor to become readable, with a timeout. Native names kept; no allocation per call.</summary>
internal static unsafe partial class LibcPoll
{
    public const short POLLIN = 0x001;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    [StructLayout(LayoutKind.Sequential)]
    public struct pollfd_t // struct pollfd; suffixed because lower-case type names are reserved in C#
    {
        public int fd;
        public short events;
        public short revents;
    }

    /// <summary>Descriptors ready (0 on timeout), or -1 with errno set (EINTR when a signal arrived).</summary>
    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int poll(pollfd_t* fds, nuint nfds, int timeout);
}
