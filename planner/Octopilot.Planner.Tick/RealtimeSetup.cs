using Octopilot.Planner.Tick.Interop.Linux.Libc;

namespace Octopilot.Planner.Tick;

/// <summary>Applies the real-time requests of <see cref="TickLoopOptions"/> to the calling thread and reports what was granted.</summary>
internal static class RealtimeSetup
{
    /// <summary>
    /// Asks for SCHED_FIFO and core pinning for the calling thread (the tick thread: tid 0 means "me"). Never throws for
    /// a refusal: the loop runs at normal priority then, and the caller logs the result once.
    /// </summary>
    public static RealtimeSetupResult ApplyToCurrentThread(int? fifoPriority, int? cpuCore)
    {
        RealtimeGrant fifo = RealtimeGrant.NotRequested;
        RealtimeGrant pinning = RealtimeGrant.NotRequested;
        int fifoErrno = 0;
        int pinningErrno = 0;
        if (!OperatingSystem.IsLinux())
        {
            fifo = fifoPriority is null ? fifo : RealtimeGrant.Unsupported;
            pinning = cpuCore is null ? pinning : RealtimeGrant.Unsupported;
        }
        else
        {
            // Pin first: if SCHED_FIFO is granted, the thread then never runs on a core it was not meant to share.
            if (cpuCore is int core)
            {
                pinningErrno = LibcSched.TryPinCurrentThread(core);
                pinning = Grant(pinningErrno);
            }

            if (fifoPriority is int priority)
            {
                fifoErrno = LibcSched.TrySetCurrentThreadFifo(priority);
                fifo = Grant(fifoErrno);
            }
        }

        return new RealtimeSetupResult(fifo, fifoPriority ?? 0, fifoErrno, pinning, cpuCore ?? -1, pinningErrno);
    }

    /// <summary>The one log line for a refusal: what was refused, why, and that the loop carries on.</summary>
    public static string RefusalLine(string threadName, in RealtimeSetupResult result)
    {
        string why = result.Fifo == RealtimeGrant.NotPermitted
            ? " (SCHED_FIFO needs CAP_SYS_NICE or RLIMIT_RTPRIO >= the priority; containers and CI usually grant neither)"
            : result.Pinning == RealtimeGrant.Failed && result.PinningErrno == Errno.EINVAL
                ? " (EINVAL on pinning: the core does not exist or is outside this process's cpuset)"
                : "";
        return $"{threadName}: real-time setup refused, ticking at normal priority: {result.Describe()}{why}";
    }

    private static RealtimeGrant Grant(int errno) => errno switch
    {
        0 => RealtimeGrant.Granted,
        Errno.EPERM => RealtimeGrant.NotPermitted,
        _ => RealtimeGrant.Failed,
    };
}
