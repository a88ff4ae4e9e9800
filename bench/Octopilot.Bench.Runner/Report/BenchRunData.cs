using Octopilot.Bench.Runner.Probe;
using Octopilot.Bench.Runner.Sampling;

namespace Octopilot.Bench.Runner.Report;

/// <summary>What the host hands over after a bench run: the probe's rows, the samples and the pipeline's own counters.</summary>
public sealed record BenchRunData
{
    public required BenchSetup Setup { get; init; }

    public required double WallS { get; init; }

    /// <summary>Clock time the run window started (the sim's start), ns.</summary>
    public required long RunStartNs { get; init; }

    /// <summary>Planner ticks per second (to skip the warm-up's ticks).</summary>
    public required double TicksPerSecond { get; init; }

    public required SetStageRecord[] Records { get; init; }

    public required long[] TickLatenessNs { get; init; }

    /// <summary>Deadlines no tick served after the warm-up (from the probe; the loop's own count covers the whole run).</summary>
    public long? MissedTicksAfterWarmup { get; init; }

    public required IReadOnlyList<ProcessSample> Samples { get; init; }

    public required IReadOnlyList<CameraFigures> Cameras { get; init; }

    public required long SetsComplete { get; init; }

    public required long SetsIncomplete { get; init; }

    public required long SetsDropped { get; init; }

    /// <summary>Sets the inference thread took and ran to a world model (the rest were superseded while it was busy).</summary>
    public long SetsProcessed { get; init; }

    public required (double P50Ms, double P99Ms, double MaxMs) SyncSkew { get; init; }

    public required long Ticks { get; init; }

    public required long LateTicks { get; init; }

    public required long SkippedTicks { get; init; }

    /// <summary>What the tick thread was granted (SCHED_FIFO, core pinning), as the tick loop reports it.</summary>
    public string TickRealtime { get; init; } = "not reported";

    /// <summary>The tick loop's own lateness percentiles (from its histogram), used when the probe was off.</summary>
    public required (double P50Ms, double P99Ms, double MaxMs) TickLateness { get; init; }

    public required long ConsumerSteadyStateBytes { get; init; }

    public required long ConsumerSteadyStateSets { get; init; }

    public required long PeakWorkingSetBytes { get; init; }

    /// <summary>Process samples at the run's start (for rates over the run).</summary>
    public required ProcessSample Start { get; init; }
}
