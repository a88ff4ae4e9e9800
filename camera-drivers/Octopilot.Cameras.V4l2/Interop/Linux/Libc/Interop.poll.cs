using System.Runtime.InteropServices;

namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

/// <summary>poll.h: wait for a dequeueable buffer with a timeout. Native names kept; no allocation per call.</summary>
internal static unsafe partial class LibcPoll
{
    public const short POLLIN = 0x001;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    [StructLayout(LayoutKind.Sequential)]
    private struct pollfd_t
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int poll(pollfd_t* fds, nuint nfds, int timeoutMs);

    /// <summary>The returned events (0 on timeout or EINTR); −1 with the errno for any other failure.</summary>
    public static int Wait(int fd, short events, int timeoutMs, out int errno)
    {
        var p = new pollfd_t { fd = fd, events = events };
        int n = poll(&p, 1, timeoutMs);
        if (n >= 0)
        {
            errno = 0;
            return n == 0 ? 0 : p.revents;
        }

        errno = Marshal.GetLastPInvokeError();
        return errno == Errno.EINTR ? 0 : -1;
    }
}
