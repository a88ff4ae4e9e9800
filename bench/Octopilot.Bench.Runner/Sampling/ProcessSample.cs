namespace Octopilot.Bench.Runner.Sampling;

/// <summary>One reading of the process, taken by the reporter thread once per interval (off the hot path).</summary>
/// <param name="TimeS">Seconds since the run started.</param>
/// <param name="ProcessCpuS">Process CPU time since it started, s.</param>
/// <param name="ThreadCpuS">Per thread name (Linux /proc/self/task/*/stat; empty elsewhere), CPU time since it started, s.</param>
/// <param name="AllocatedBytes">Managed bytes allocated by the whole process since it started.</param>
/// <param name="DroppedPerCamera">Frames dropped per camera since the run started (rig order).</param>
/// <param name="ReporterAllocatedBytes">Managed bytes the sampling (reporter) thread itself has allocated: the bench's own
/// sampling and status formatting, reported apart from the pipeline's.</param>
public sealed record ProcessSample(
    double TimeS,
    double ProcessCpuS,
    IReadOnlyDictionary<string, double> ThreadCpuS,
    long AllocatedBytes,
    int Gen0Collections,
    int Gen1Collections,
    int Gen2Collections,
    double GcPauseTotalMs,
    long WorkingSetBytes,
    IReadOnlyList<long> DroppedPerCamera,
    long ReporterAllocatedBytes);
