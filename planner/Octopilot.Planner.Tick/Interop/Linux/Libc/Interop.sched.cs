using System.Runtime.InteropServices;

namespace Octopilot.Planner.Tick.Interop.Linux.Libc;

/// <summary>
/// sched.h: scheduling policy and CPU affinity. Native names kept; no allocation per call. With pid 0 both calls apply
/// to the calling thread (Linux schedules threads, not processes), so they must run on the thread they are meant for.
/// </summary>
internal static unsafe partial class LibcSched
{
    public const int SCHED_OTHER = 0;
    public const int SCHED_FIFO = 1;

    /// <summary>CPU_SETSIZE: cpu_set_t is a 1024-bit mask, 16 × 64-bit words.</summary>
    public const int CPU_SETSIZE = 1024;

    private const int CpuSetWords = CPU_SETSIZE / 64;

    [StructLayout(LayoutKind.Sequential)]
    private struct sched_param_t // struct sched_param; suffixed because lower-case type names are reserved in C#
    {
        public int sched_priority;
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int sched_setscheduler(int pid, int policy, in sched_param_t param);

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint cpusetsize, ulong* mask);

    [LibraryImport("libc", EntryPoint = "sched_getscheduler", SetLastError = true)]
    private static partial int sched_getscheduler(int pid);

    [LibraryImport("libc", EntryPoint = "sched_getcpu", SetLastError = true)]
    private static partial int sched_getcpu();

    /// <summary>Switches the calling thread to SCHED_FIFO at <paramref name="priority"/>; returns 0 or the errno.</summary>
    public static int TrySetCurrentThreadFifo(int priority)
    {
        var param = new sched_param_t { sched_priority = priority };
        return sched_setscheduler(0, SCHED_FIFO, param) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Pins the calling thread to the one CPU <paramref name="cpuCore"/> (0..1023); returns 0 or the errno.</summary>
    public static int TryPinCurrentThread(int cpuCore)
    {
        ulong* mask = stackalloc ulong[CpuSetWords];
        new Span<ulong>(mask, CpuSetWords).Clear();
        mask[cpuCore / 64] = 1UL << (cpuCore % 64);
        return sched_setaffinity(0, (nuint)(CpuSetWords * sizeof(ulong)), mask) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>The calling thread's policy (SCHED_OTHER, SCHED_FIFO, ...), or -1 on failure.</summary>
    public static int CurrentThreadPolicy() => sched_getscheduler(0);

    /// <summary>The CPU the calling thread runs on right now, or -1 on failure.</summary>
    public static int CurrentCpu() => sched_getcpu();
}
