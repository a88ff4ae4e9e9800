using System.Runtime.InteropServices;

namespace Octopilot.Cameras.VideoFile.Interop.Linux.Libc;

/// <summary>poll.h: wait until a pipe has data or its writer closed it, with a timeout; no allocation per call.</summary>
internal static unsafe partial class LibcPoll
{
    public const short POLLIN = 0x001;
    public const short POLLHUP = 0x010;

    [StructLayout(LayoutKind.Sequential)]
    private struct pollfd_t // struct pollfd; suffixed because lower-case type names are reserved in C#
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int poll(pollfd_t* fds, nuint nfds, int timeoutMs);

    /// <summary>The returned events of one descriptor (POLLIN: data to read; POLLHUP alone: the writer closed it, all read), 0 on timeout or error.</summary>
    public static short Wait(int fd, int timeoutMs)
    {
        var p = new pollfd_t { fd = fd, events = POLLIN };
        return poll(&p, 1, timeoutMs) > 0 ? p.revents : (short)0;
    }
}
