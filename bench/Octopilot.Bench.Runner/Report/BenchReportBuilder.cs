using Octopilot.Bench.Runner.Probe;
using Octopilot.Bench.Runner.Sampling;

namespace Octopilot.Bench.Runner.Report;

/// <summary>Turns a run's raw data into a <see cref="BenchReport"/> (figures and budget checks; baseline and plots are added by the caller).</summary>
public static class BenchReportBuilder
{
    /// <summary>Bin width of the tick lateness histogram, ms, and its number of bins (the last one holds everything beyond).</summary>
    public const double LatenessBinMs = 0.1;
    public const int LatenessBins = 50;

    public static BenchReport Build(BenchRunData run, BenchBudgets budgets, BenchMachine machine)
    {
        // Sets whose oldest frame started in the warm-up are left out; so are the ticks of the warm-up.
        long warmupEndNs = run.RunStartNs + (long)(run.Setup.WarmupS * 1e9);
        SetStageRecord[] commanded = run.Records.Where(r => r.CommandNs > 0 && r.OldestStartOfFrameNs >= warmupEndNs).ToArray();
        long[] lateness = run.TickLatenessNs.Skip((int)Math.Min(run.TickLatenessNs.Length, run.Setup.WarmupS * run.TicksPerSecond)).ToArray();
        var stages = new List<StageFigures>();
        foreach (Stage stage in Stages.All)
        {
            long[] durations = commanded.Select(r => Stages.DurationNs(r, stage)).Where(d => d >= 0).ToArray();
            (double p50, double p90, double p99, double max, double mean) = LatencyFigures.Of(durations);
            stages.Add(new StageFigures(Stages.Name(stage), Stages.Description(stage), durations.Length, p50, p90, p99, max, mean));
        }

        (double lp50, double lp99, double lmax) = lateness.Length > 0
            ? (LatencyFigures.Of(lateness).P50Ms, LatencyFigures.Of(lateness).P99Ms, lateness.Max() / 1e6)
            : run.TickLateness;
        var histogram = new long[LatenessBins];
        foreach (long ns in lateness)
        {
            histogram[Math.Min(LatenessBins - 1, (int)(ns / 1e6 / LatenessBinMs))]++;
        }

        ProcessSample end = run.Samples.Count > 0 ? run.Samples[^1] : run.Start;
        double wallS = Math.Max(run.WallS, 1e-3);
        var threads = end.ThreadCpuS
            .Select(t => new ThreadCpu(t.Key, (t.Value - run.Start.ThreadCpuS.GetValueOrDefault(t.Key)) / wallS))
            .Where(t => t.Cores >= 0.005)
            .OrderByDescending(t => t.Cores)
            .ToArray();
        var report = new BenchReport
        {
            CreatedUtc = DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture),
            Machine = machine,
            Setup = run.Setup,
            Stages = stages,
            Cameras = run.Cameras,
            Sets = new SetFigures(
                run.SetsComplete + run.SetsIncomplete, run.SetsComplete, run.SetsIncomplete, run.SetsDropped, (run.SetsComplete + run.SetsIncomplete) / wallS,
                run.SetsProcessed, run.SetsProcessed / wallS,
                run.SyncSkew.P50Ms, run.SyncSkew.P99Ms, run.SyncSkew.MaxMs, run.Records.Length, run.Records.Length - commanded.Length),
            Tick = new TickFigures(
                run.Ticks, run.MissedTicksAfterWarmup ?? (run.LateTicks + run.SkippedTicks), run.LateTicks + run.SkippedTicks, run.LateTicks, run.SkippedTicks, lp50, lp99, lmax,
                [.. Enumerable.Range(0, LatenessBins + 1).Select(i => Math.Round(i * LatenessBinMs, 3))], histogram, run.TickRealtime),
            Memory = new MemoryFigures(
                (end.AllocatedBytes - run.Start.AllocatedBytes) / wallS, (end.ReporterAllocatedBytes - run.Start.ReporterAllocatedBytes) / wallS, run.ConsumerSteadyStateBytes, run.ConsumerSteadyStateSets,
                end.Gen0Collections - run.Start.Gen0Collections, end.Gen1Collections - run.Start.Gen1Collections, end.Gen2Collections - run.Start.Gen2Collections,
                end.GcPauseTotalMs - run.Start.GcPauseTotalMs, run.PeakWorkingSetBytes / (1024.0 * 1024.0)),
            Cpu = new CpuFigures((end.ProcessCpuS - run.Start.ProcessCpuS) / wallS, threads),
            Budgets = [],
        };
        return report with { Budgets = budgets.Check(report) };
    }

    public static BenchMachine Machine()
    {
        string cpu = "unknown";
        try
        {
            string? line = File.Exists("/proc/cpuinfo") ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
            cpu = line is null ? cpu : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
        }

        return new BenchMachine(
            Environment.MachineName, System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            System.Runtime.InteropServices.RuntimeInformation.ProcessArchitecture.ToString(), Environment.ProcessorCount, cpu,
            System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription);
    }
}
