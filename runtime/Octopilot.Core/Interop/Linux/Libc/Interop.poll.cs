using System.Runtime.InteropServices;

namespace Octopilot.Core.Interop.Linux.Libc;

/// <summary>
/// poll.h for one descriptor: the one wrapper the cameras (V4L2 buffers, ffmpeg's pipe) and the CAN socket wait with,
/// so every wait in the runtime has a timeout. Native names kept; no allocation per call.
/// </summary>
public static unsafe partial class LibcPoll
{
    public const short POLLIN = 0x001;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    private const int EINTR = 4;

    /// <summary>struct pollfd (8 bytes: int, short, short on every Linux ABI); suffixed because lower-case type names are reserved in C#.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct pollfd_t
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    private static partial int poll(pollfd_t* fds, nuint nfds, int timeoutMs);

    /// <summary>
    /// Waits up to <paramref name="timeoutMs"/> for <paramref name="events"/> on <paramref name="fd"/>: the returned
    /// events (POLLIN, or POLLERR/POLLHUP/POLLNVAL on their own), 0 on timeout or when a signal interrupted the wait
    /// (the caller's loop waits again), −1 with the errno for any other failure. The caller keeps the descriptor open
    /// for the duration of the call.
    /// </summary>
    public static int WaitOne(int fd, short events, int timeoutMs, out int errno)
    {
        var request = new pollfd_t { fd = fd, events = events };
        int ready = poll(&request, 1, timeoutMs);
        if (ready >= 0)
        {
            errno = 0;
            return ready == 0 ? 0 : request.revents;
        }

        errno = Marshal.GetLastPInvokeError();
        return errno == EINTR ? 0 : -1;
    }
}
