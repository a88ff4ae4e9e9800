using System.Globalization;

namespace Octopilot.Planner.Tick;

/// <summary>What the tick thread asked of the scheduler and what it got, with the errno of each refusal (0 when none).</summary>
public readonly struct RealtimeSetupResult
{
    public RealtimeSetupResult(RealtimeGrant fifo, int fifoPriority, int fifoErrno, RealtimeGrant pinning, int cpuCore, int pinningErrno)
    {
        Fifo = fifo;
        FifoPriority = fifoPriority;
        FifoErrno = fifoErrno;
        Pinning = pinning;
        CpuCore = cpuCore;
        PinningErrno = pinningErrno;
    }

    /// <summary>The SCHED_FIFO request's outcome.</summary>
    public RealtimeGrant Fifo { get; }

    /// <summary>The SCHED_FIFO priority asked for; 0 when not requested.</summary>
    public int FifoPriority { get; }

    /// <summary>errno from sched_setscheduler; 0 unless <see cref="Fifo"/> is NotPermitted or Failed.</summary>
    public int FifoErrno { get; }

    /// <summary>The core-pinning request's outcome.</summary>
    public RealtimeGrant Pinning { get; }

    /// <summary>The core asked for; -1 when not requested.</summary>
    public int CpuCore { get; }

    /// <summary>errno from sched_setaffinity; 0 unless <see cref="Pinning"/> is NotPermitted or Failed.</summary>
    public int PinningErrno { get; }

    /// <summary>True when something was asked for and not granted: worth the one log line.</summary>
    public bool AnyRefused => IsRefused(Fifo) || IsRefused(Pinning);

    /// <summary>One human-readable clause per request, e.g. "SCHED_FIFO 50: not permitted (EPERM); core 1: granted".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"SCHED_FIFO{(FifoPriority > 0 ? " " + FifoPriority.ToString(CultureInfo.InvariantCulture) : "")}: {Outcome(Fifo, FifoErrno)}; " +
        $"core{(CpuCore >= 0 ? " " + CpuCore.ToString(CultureInfo.InvariantCulture) : "")}: {Outcome(Pinning, PinningErrno)}");

    private static bool IsRefused(RealtimeGrant grant) => grant is RealtimeGrant.NotPermitted or RealtimeGrant.Failed or RealtimeGrant.Unsupported;

    private static string Outcome(RealtimeGrant grant, int errno) => grant switch
    {
        RealtimeGrant.Pending => "pending",
        RealtimeGrant.NotRequested => "not requested",
        RealtimeGrant.Granted => "granted",
        RealtimeGrant.NotPermitted => $"not permitted ({Interop.Linux.Libc.Errno.Name(errno)})",
        RealtimeGrant.Failed => $"failed ({Interop.Linux.Libc.Errno.Name(errno)})",
        RealtimeGrant.Unsupported => "unsupported on this OS",
        _ => grant.ToString(),
    };
}
