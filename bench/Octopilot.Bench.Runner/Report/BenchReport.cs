namespace Octopilot.Bench.Runner.Report;

/// <summary>
/// Everything one bench run found, as written to report.json (format <see cref="FormatTag"/>; the schema is this type,
/// camel-cased) and rendered into report.md. Times in ms unless a name says otherwise.
/// </summary>
public sealed record BenchReport
{
    public const string FormatTag = "octopilot-bench-report/1";

    public string Format { get; init; } = FormatTag;

    public required string CreatedUtc { get; init; }

    public required BenchMachine Machine { get; init; }

    public required BenchSetup Setup { get; init; }

    public required IReadOnlyList<StageFigures> Stages { get; init; }

    public required IReadOnlyList<CameraFigures> Cameras { get; init; }

    public required SetFigures Sets { get; init; }

    public required TickFigures Tick { get; init; }

    public required MemoryFigures Memory { get; init; }

    public required CpuFigures Cpu { get; init; }

    public required IReadOnlyList<BudgetCheck> Budgets { get; init; }

    public IReadOnlyList<Regression> Regressions { get; init; } = [];

    public string? Baseline { get; init; }

    public IReadOnlyList<SweepPoint> Sweep { get; init; } = [];

    public IReadOnlyList<string> Plots { get; init; } = [];

    /// <summary>Every budget met and no regression against the baseline.</summary>
    public bool Passed => Budgets.All(b => b.Passed) && Regressions.Count == 0;

    public StageFigures Stage(string name) => Stages.First(s => s.Name == name);
}

public sealed record BenchMachine(string Host, string Os, string Architecture, int ProcessorCount, string CpuModel, string Runtime);

/// <param name="Instrumented">False for a run with the stage probe off (only the pipeline's own counters).</param>
/// <param name="WarmupS">The run's first seconds, left out of the stage and tick figures (JIT, first-run arenas).</param>
public sealed record BenchSetup(
    double DurationS, double WarmupS, string Cameras, int CameraCount, string Mode, double FramesPerSecond, string Perception, string? Model,
    string ExecutionProvider, bool Instrumented, IReadOnlyDictionary<string, double> InjectedDelaysMs);

/// <summary>Percentiles of one stage over the sets that reached a command.</summary>
public sealed record StageFigures(string Name, string Description, long Count, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs);

/// <param name="Transfer">How frames reach the slab (RenderedInPlace, ConvertedFromDriverBuffer, CopiedFromDriverBuffer, ReadFromPipe, DecodedFromRecording).</param>
/// <param name="BytesCopiedPerFrame">Bytes moved unchanged between buffers per frame on the way into the slab (0: zero copy).</param>
public sealed record CameraFigures(
    string Name, long Captured, long Dropped, long Late, long Errors, double Fps, string Transfer = "Unknown", long BytesCopiedPerFrame = 0);

/// <param name="SetsPerSecond">Shipped by the assembler per second (the offered load).</param>
/// <param name="ProcessedPerSecond">Run through perception and the world model per second (the throughput).</param>
public sealed record SetFigures(long Shipped, long Complete, long Incomplete, long Dropped, double SetsPerSecond, long Processed, double ProcessedPerSecond, double SyncSkewP50Ms, double SyncSkewP99Ms, double SyncSkewMaxMs, long Instrumented, long WithoutCommand);

/// <param name="LatenessHistogram">Ticks per lateness bin (bin edges in <paramref name="LatenessBinEdgesMs"/>).</param>
/// <param name="MissedTicks">Deadlines no tick served after the warm-up (the whole run when the probe was off).</param>
/// <param name="MissedTicksWholeRun">The tick loop's own count over the whole run, warm-up included.</param>
public sealed record TickFigures(
    long Ticks, long MissedTicks, long MissedTicksWholeRun, long LateTicks, long SkippedTicks, double LatenessP50Ms, double LatenessP99Ms, double LatenessMaxMs,
    IReadOnlyList<double> LatenessBinEdgesMs, IReadOnlyList<long> LatenessHistogram, string Realtime);

/// <param name="AllocatedBytesPerSecond">Whole process, managed.</param>
/// <param name="ReporterBytesPerSecond">Of which the bench's own reporter thread (sampling /proc, formatting status).</param>
public sealed record MemoryFigures(
    double AllocatedBytesPerSecond, double ReporterBytesPerSecond, long ConsumerSteadyStateBytes, long ConsumerSteadyStateSets, int Gen0Collections, int Gen1Collections, int Gen2Collections,
    double GcPauseTotalMs, double PeakWorkingSetMiB);

public sealed record CpuFigures(double ProcessCores, IReadOnlyList<ThreadCpu> Threads);

/// <param name="Cores">Average cores used over the run (CPU seconds / wall seconds).</param>
public sealed record ThreadCpu(string Name, double Cores);

public sealed record BudgetCheck(string Name, double Limit, double Actual, bool Passed);

/// <summary>A figure worse than the baseline's by more than the tolerance.</summary>
public sealed record Regression(string Figure, double Baseline, double Actual, double AllowedMax, string Message);

/// <summary>One load level of a sweep.</summary>
public sealed record SweepPoint(double FramesPerSecond, double SetsPerSecond, double EndToEndP50Ms, double EndToEndP99Ms, long Dropped, long IncompleteSets, long MissedTicks, bool Sustainable);
