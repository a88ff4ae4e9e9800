using System.Globalization;
using System.Text;

namespace Octopilot.Bench.Runner.Report;

/// <summary>report.md: the verdict first, then the figures as tables and the plots embedded.</summary>
public static class BenchReportMarkdown
{
    public static string Render(BenchReport r)
    {
        var md = new StringBuilder();
        CultureInfo c = CultureInfo.InvariantCulture;
        md.AppendLine(c, $"# Octopilot bench: {(r.Passed ? "PASS" : "FAIL")}");
        md.AppendLine();
        md.AppendLine(c, $"{r.CreatedUtc} on {r.Machine.Host} ({r.Machine.CpuModel}, {r.Machine.ProcessorCount} cores, {r.Machine.Os}, {r.Machine.Runtime}).");
        md.AppendLine(c, $"{r.Setup.DurationS:0.#} s of {r.Setup.CameraCount} {r.Setup.Cameras} cameras at {r.Setup.Mode} ({r.Setup.FramesPerSecond:0.#} fps), perception **{r.Setup.Perception}**"
            + $"{(r.Setup.Model is null ? string.Empty : $" ({Path.GetFileName(r.Setup.Model)})")} on **{r.Setup.ExecutionProvider}**, real time (no virtual clock)"
            + $", first {r.Setup.WarmupS:0.#} s left out of the stage and tick figures as warm-up{(r.Setup.Instrumented ? string.Empty : ", stage probe off")}{(r.Setup.InjectedDelaysMs.Count == 0 ? string.Empty : ", injected delays " + string.Join(", ", r.Setup.InjectedDelaysMs.Select(d => $"{d.Key} {d.Value} ms")))}.");
        md.AppendLine();
        md.AppendLine("## Budgets");
        md.AppendLine();
        md.AppendLine("| budget | limit | actual | |");
        md.AppendLine("|---|---:|---:|---|");
        foreach (BudgetCheck b in r.Budgets)
        {
            md.AppendLine(c, $"| {b.Name} | {b.Limit:0.##} | {b.Actual:0.##} | {(b.Passed ? "pass" : "**FAIL**")} |");
        }

        if (r.Baseline is not null)
        {
            md.AppendLine();
            md.AppendLine(c, $"Against baseline `{r.Baseline}`: {(r.Regressions.Count == 0 ? "no regression." : $"**{r.Regressions.Count} regression(s)**:")}");
            foreach (Regression g in r.Regressions)
            {
                md.AppendLine(c, $"- {g.Message}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Latency per stage");
        md.AppendLine();
        md.AppendLine("| stage | what | sets | p50 ms | p90 ms | p99 ms | max ms |");
        md.AppendLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (StageFigures s in r.Stages)
        {
            md.AppendLine(c, $"| {s.Name} | {s.Description} | {s.Count} | {s.P50Ms:0.00} | {s.P90Ms:0.00} | {s.P99Ms:0.00} | {s.MaxMs:0.00} |");
        }

        md.AppendLine();
        md.AppendLine(c, $"Sets: {r.Sets.Shipped} shipped ({r.Sets.SetsPerSecond:0.0}/s), {r.Sets.Processed} processed ({r.Sets.ProcessedPerSecond:0.0}/s), {r.Sets.Incomplete} incomplete, {r.Sets.Dropped} dropped unconsumed; sync skew p50 {r.Sets.SyncSkewP50Ms:0.00} / p99 {r.Sets.SyncSkewP99Ms:0.00} / max {r.Sets.SyncSkewMaxMs:0.00} ms; {r.Sets.Instrumented} sets timed, {r.Sets.WithoutCommand} without a command (superseded before a tick read them, or the run ended).");
        md.AppendLine();
        md.AppendLine("## Cameras");
        md.AppendLine();
        md.AppendLine("| camera | captured | fps | dropped | late | errors | into the slab | bytes copied per frame |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---|---:|");
        foreach (CameraFigures cam in r.Cameras)
        {
            md.AppendLine(c, $"| {cam.Name} | {cam.Captured} | {cam.Fps:0.0} | {cam.Dropped} | {cam.Late} | {cam.Errors} | {cam.Transfer} | {cam.BytesCopiedPerFrame} |");
        }

        md.AppendLine();
        md.AppendLine("## Planner tick, memory, CPU");
        md.AppendLine();
        md.AppendLine(c, $"- Tick: {r.Tick.Ticks} ticks, **{r.Tick.MissedTicks} missed** after the warm-up ({r.Tick.MissedTicksWholeRun} over the whole run: {r.Tick.LateTicks} late, {r.Tick.SkippedTicks} skipped); lateness p50 {r.Tick.LatenessP50Ms:0.000} / p99 {r.Tick.LatenessP99Ms:0.000} / max {r.Tick.LatenessMaxMs:0.000} ms; scheduling: {r.Tick.Realtime}.");
        md.AppendLine(c, $"- Managed allocation: {r.Memory.AllocatedBytesPerSecond / 1024:0.0} KiB/s over the whole process, of which {r.Memory.ReporterBytesPerSecond / 1024:0.0} KiB/s the bench's own reporter thread (sampling, status); inference thread in steady state {r.Memory.ConsumerSteadyStateBytes} B over {r.Memory.ConsumerSteadyStateSets} sets; GC gen0/1/2 {r.Memory.Gen0Collections}/{r.Memory.Gen1Collections}/{r.Memory.Gen2Collections}, pauses {r.Memory.GcPauseTotalMs:0.0} ms in total; peak working set {r.Memory.PeakWorkingSetMiB:0} MiB.");
        md.AppendLine(c, $"- CPU: {r.Cpu.ProcessCores:0.00} cores for the process; per thread: {(r.Cpu.Threads.Count == 0 ? "not available on this OS" : string.Join(", ", r.Cpu.Threads.Select(t => $"{t.Name} {t.Cores:0.00}")))}.");
        if (r.Sweep.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Sweep");
            md.AppendLine();
            md.AppendLine("| camera fps | sets/s | e2e p50 ms | e2e p99 ms | dropped | incomplete | missed ticks | sustainable |");
            md.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---|");
            foreach (SweepPoint p in r.Sweep)
            {
                md.AppendLine(c, $"| {p.FramesPerSecond:0.#} | {p.SetsPerSecond:0.0} | {p.EndToEndP50Ms:0.0} | {p.EndToEndP99Ms:0.0} | {p.Dropped} | {p.IncompleteSets} | {p.MissedTicks} | {(p.Sustainable ? "yes" : "no")} |");
            }

            SweepPoint? best = r.Sweep.Where(p => p.Sustainable).MaxBy(p => p.FramesPerSecond);
            md.AppendLine();
            md.AppendLine(best is null ? "No load level was sustainable." : $"Highest sustainable rate: **{best.FramesPerSecond:0.#} fps** per camera.");
        }

        if (r.Plots.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Plots");
            foreach (string plot in r.Plots)
            {
                md.AppendLine();
                md.AppendLine(c, $"![{Path.GetFileNameWithoutExtension(plot)}]({plot})");
            }
        }

        return md.ToString();
    }
}
