using Octopilot.Core.Time;

namespace Octopilot.Planner.Tick;

/// <summary>
/// What the owner of a <see cref="FixedTickLoop"/> asks for. Immutable; every value is checked when it is set, so an
/// options object that exists is valid. Real-time settings are requests: whether they were granted is reported in
/// <see cref="TickLoopStatistics.Realtime"/>, never assumed.
/// </summary>
public sealed record TickLoopOptions
{
    /// <summary>10 ms = 100 Hz, the planner rate the issue asks for (ACC and lane change need nothing faster; CAN actuator frames run at 50–100 Hz).</summary>
    public static readonly long DefaultPeriodNs = TimeUnits.PeriodNs(100.0);

    /// <summary>Bad ticks in a row before the loop reports itself degraded: 3 ticks = 30 ms at 100 Hz, so one scheduler hiccup does not raise it.</summary>
    public const int DefaultDegradedAfterBadTicks = 3;

    /// <summary>Good ticks in a row before degraded clears: 100 ticks = 1 s at 100 Hz, long enough that a flapping loop stays flagged.</summary>
    public const int DefaultRecoveredAfterGoodTicks = 100;

    /// <summary>Ticks before the steady-state allocation meter starts: JIT tiering and first-use caches settle in a few dozen.</summary>
    public const int DefaultWarmupTicks = 60;

    /// <summary>Shortest period accepted: 100 µs (10 kHz). Below that the wake-up latency of a general-purpose kernel is the whole period.</summary>
    public const long MinPeriodNs = 100_000;

    /// <summary>Longest period accepted: 1 hour, a sanity bound that catches seconds passed as nanoseconds the other way round.</summary>
    public const long MaxPeriodNs = 3_600L * TimeUnits.NsPerSecond;

    /// <summary>SCHED_FIFO priorities on Linux run 1..99 (sched_get_priority_min/max).</summary>
    public const int MinFifoPriority = 1;

    /// <summary>Highest SCHED_FIFO priority on Linux.</summary>
    public const int MaxFifoPriority = 99;

    /// <summary>cpu_set_t holds 1024 CPUs (CPU_SETSIZE).</summary>
    public const int MaxCpuCore = 1023;

    private readonly long _periodNs = DefaultPeriodNs;
    private readonly int? _fifoPriority;
    private readonly int? _cpuCore;
    private readonly int _degradedAfterBadTicks = DefaultDegradedAfterBadTicks;
    private readonly int _recoveredAfterGoodTicks = DefaultRecoveredAfterGoodTicks;
    private readonly int _warmupTicks = DefaultWarmupTicks;
    private readonly string _threadName = "planner-tick";

    /// <summary>Tick period in nanoseconds, <see cref="MinPeriodNs"/>..<see cref="MaxPeriodNs"/>; default <see cref="DefaultPeriodNs"/>.</summary>
    public long PeriodNs
    {
        get => _periodNs;
        init => _periodNs = value is >= MinPeriodNs and <= MaxPeriodNs
            ? value
            : throw new ArgumentOutOfRangeException(nameof(PeriodNs), value, $"tick period must be {MinPeriodNs}..{MaxPeriodNs} ns (got {value} ns)");
    }

    /// <summary>The rate this period gives, for display.</summary>
    public double RateHz => TimeUnits.NsPerSecond / (double)_periodNs;

    /// <summary>SCHED_FIFO priority to ask for on the tick thread, 1..99; null = stay at normal (SCHED_OTHER) priority.</summary>
    public int? FifoPriority
    {
        get => _fifoPriority;
        init => _fifoPriority = value is null or (>= MinFifoPriority and <= MaxFifoPriority)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(FifoPriority), value, $"SCHED_FIFO priority must be {MinFifoPriority}..{MaxFifoPriority} or null (got {value})");
    }

    /// <summary>CPU core to pin the tick thread to, 0..1023; null = let the kernel place it.</summary>
    public int? CpuCore
    {
        get => _cpuCore;
        init => _cpuCore = value is null or (>= 0 and <= MaxCpuCore)
            ? value
            : throw new ArgumentOutOfRangeException(nameof(CpuCore), value, $"CPU core must be 0..{MaxCpuCore} or null (got {value})");
    }

    /// <summary>Consecutive bad ticks (missed, or followed by skipped deadlines) that raise the degraded flag; at least 1.</summary>
    public int DegradedAfterBadTicks
    {
        get => _degradedAfterBadTicks;
        init => _degradedAfterBadTicks = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(DegradedAfterBadTicks), value, $"bad ticks before degraded must be >= 1 (got {value})");
    }

    /// <summary>Consecutive good ticks that clear the degraded flag; at least 1.</summary>
    public int RecoveredAfterGoodTicks
    {
        get => _recoveredAfterGoodTicks;
        init => _recoveredAfterGoodTicks = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(RecoveredAfterGoodTicks), value, $"good ticks before recovery must be >= 1 (got {value})");
    }

    /// <summary>Ticks before the allocation meter takes its baseline; at least 0.</summary>
    public int WarmupTicks
    {
        get => _warmupTicks;
        init => _warmupTicks = value >= 0
            ? value
            : throw new ArgumentOutOfRangeException(nameof(WarmupTicks), value, $"warm-up ticks must be >= 0 (got {value})");
    }

    /// <summary>Name of the tick thread (shows in /proc/PID/task/*/comm, top -H and the log line); non-empty.</summary>
    public string ThreadName
    {
        get => _threadName;
        init => _threadName = !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new ArgumentException($"tick thread name must not be empty (got '{value}')", nameof(ThreadName));
    }
}
