using System.Runtime.InteropServices;

namespace Octopilot.Core.Interop.Linux.Libc;

/// <summary>libc time functions (time.h). Native names kept; no allocation per call.</summary>
internal static partial class LibcClock
{
    private const int CLOCK_MONOTONIC = 1;
    private const int TIMER_ABSTIME = 1;
    private const int EINTR = 4;

    [StructLayout(LayoutKind.Sequential)]
    private struct timespec_t // struct timespec; suffixed because lower-case type names are reserved in C#
    {
        public long tv_sec;
        public long tv_nsec;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime", SetLastError = true)]
    private static partial int clock_gettime(int clockId, out timespec_t tp);

    // clock_nanosleep returns the error number directly instead of setting errno.
    [LibraryImport("libc", EntryPoint = "clock_nanosleep")]
    private static partial int clock_nanosleep(int clockId, int flags, in timespec_t request, IntPtr remain);

    public static long MonotonicNowNs()
    {
        if (clock_gettime(CLOCK_MONOTONIC, out timespec_t tp) != 0)
        {
            throw new InvalidOperationException(
                $"clock_gettime(CLOCK_MONOTONIC) failed: errno {Marshal.GetLastPInvokeError()}");
        }

        return (tp.tv_sec * 1_000_000_000L) + tp.tv_nsec;
    }

    /// <summary>Sleeps to an absolute CLOCK_MONOTONIC deadline; a signal interruption resumes the same deadline.</summary>
    public static void SleepUntilMonotonicNs(long deadlineNs)
    {
        var request = new timespec_t { tv_sec = deadlineNs / 1_000_000_000L, tv_nsec = deadlineNs % 1_000_000_000L };
        int rc;
        do
        {
            rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, request, IntPtr.Zero);
        }
        while (rc == EINTR);

        if (rc != 0)
        {
            throw new InvalidOperationException($"clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {deadlineNs} ns) failed: error {rc}");
        }
    }
}
