namespace Octopilot.Planner.Tick;

/// <summary>What became of one real-time request (SCHED_FIFO, or pinning to a core).</summary>
public enum RealtimeGrant
{
    /// <summary>The tick thread has not started yet, so nothing has been asked.</summary>
    Pending,

    /// <summary>The options did not ask for it.</summary>
    NotRequested,

    /// <summary>The kernel granted it.</summary>
    Granted,

    /// <summary>The kernel refused with EPERM: no CAP_SYS_NICE / RLIMIT_RTPRIO, as in containers and CI.</summary>
    NotPermitted,

    /// <summary>The kernel refused for another reason (errno in the result), e.g. EINVAL for a core outside the allowed set.</summary>
    Failed,

    /// <summary>Not a Linux system: the scheduler calls do not exist.</summary>
    Unsupported,
}
