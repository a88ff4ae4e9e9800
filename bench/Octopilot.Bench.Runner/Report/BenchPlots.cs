using Octopilot.Bench.Runner.Probe;
using Octopilot.Bench.Runner.Sampling;
using ScottPlot;

namespace Octopilot.Bench.Runner.Report;

/// <summary>
/// The report's pictures (ScottPlot, PNG, 900x500): latency CDF per stage, end-to-end latency over the run, the tick
/// lateness histogram, dropped frames per camera over the run; for a sweep, throughput and latency against the load.
/// Returns the file names written (relative to the folder).
/// </summary>
public static class BenchPlots
{
    private const int WidthPx = 900, HeightPx = 500;

    public static IReadOnlyList<string> Write(string folder, SetStageRecord[] records, BenchReport report, IReadOnlyList<ProcessSample> samples, IReadOnlyList<string> cameraNames)
    {
        var files = new List<string>();
        SetStageRecord[] commanded = records.Where(r => r.CommandNs > 0).ToArray();
        if (commanded.Length > 0)
        {
            files.Add(LatencyCdf(folder, commanded));
            files.Add(EndToEndOverTime(folder, commanded, report));
        }

        files.Add(TickLateness(folder, report.Tick));
        if (samples.Count > 0)
        {
            files.Add(DropsOverTime(folder, samples, cameraNames));
        }

        return files;
    }

    public static IReadOnlyList<string> WriteSweep(string folder, IReadOnlyList<SweepPoint> points)
    {
        double[] fps = [.. points.Select(p => p.FramesPerSecond)];
        var throughput = new Plot();
        throughput.Add.Scatter(fps, [.. points.Select(p => p.FramesPerSecond)]).LegendText = "offered (camera fps)";
        throughput.Add.Scatter(fps, [.. points.Select(p => p.SetsPerSecond)]).LegendText = "processed (sets/s)";
        throughput.Title("Throughput against load");
        throughput.XLabel("camera rate, fps");
        throughput.YLabel("sets per second");
        throughput.ShowLegend();
        throughput.SavePng(Path.Combine(folder, "sweep-throughput.png"), WidthPx, HeightPx);

        var latency = new Plot();
        latency.Add.Scatter(fps, [.. points.Select(p => p.EndToEndP50Ms)]).LegendText = "end to end p50";
        latency.Add.Scatter(fps, [.. points.Select(p => p.EndToEndP99Ms)]).LegendText = "end to end p99";
        latency.Title("Start of frame → command against load");
        latency.XLabel("camera rate, fps");
        latency.YLabel("ms");
        latency.ShowLegend();
        latency.SavePng(Path.Combine(folder, "sweep-latency.png"), WidthPx, HeightPx);
        return ["sweep-throughput.png", "sweep-latency.png"];
    }

    private static string LatencyCdf(string folder, SetStageRecord[] records)
    {
        var plot = new Plot();
        foreach (Stage stage in Stages.All)
        {
            double[] ms = [.. records.Select(r => Stages.DurationNs(r, stage)).Where(d => d >= 0).Select(d => d / 1e6).Order()];
            if (ms.Length == 0)
            {
                continue;
            }

            double[] fraction = [.. Enumerable.Range(1, ms.Length).Select(i => i / (double)ms.Length)];
            var line = plot.Add.Scatter(ms, fraction);
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
            line.LegendText = $"{Stages.Name(stage)} ({Stages.Description(stage)})";
            line.LineWidth = stage == Stage.EndToEnd ? 3 : 1.5f;
        }

        plot.Title("Latency CDF per stage");
        plot.XLabel("ms");
        plot.YLabel("fraction of sets at or below");
        plot.ShowLegend(Alignment.LowerRight);
        plot.Axes.SetLimitsY(0, 1.02);
        const string file = "latency-cdf.png";
        plot.SavePng(Path.Combine(folder, file), WidthPx, HeightPx);
        return file;
    }

    private static string EndToEndOverTime(string folder, SetStageRecord[] records, BenchReport report)
    {
        long start = records[0].OldestStartOfFrameNs;
        double[] t = [.. records.Select(r => (r.OldestStartOfFrameNs - start) / 1e9)];
        double[] e2e = [.. records.Select(r => Stages.DurationNs(r, Stage.EndToEnd) / 1e6)];
        var plot = new Plot();
        var points = plot.Add.ScatterPoints(t, e2e);
        points.LegendText = "per set";
        points.MarkerSize = 3;
        var p99 = plot.Add.HorizontalLine(report.Stage("endToEnd").P99Ms);
        p99.LegendText = "p99";
        p99.LinePattern = LinePattern.Dashed;
        plot.Title("Start of frame → command over the run");
        plot.XLabel("s since the first set");
        plot.YLabel("ms");
        plot.ShowLegend();
        const string file = "e2e-over-time.png";
        plot.SavePng(Path.Combine(folder, file), WidthPx, HeightPx);
        return file;
    }

    private static string TickLateness(string folder, TickFigures tick)
    {
        var plot = new Plot();
        double[] counts = [.. tick.LatenessHistogram.Select(c => (double)c)];
        double[] centres = [.. Enumerable.Range(0, counts.Length).Select(i => (tick.LatenessBinEdgesMs[i] + tick.LatenessBinEdgesMs[i + 1]) / 2)];
        var bars = plot.Add.Bars(centres, counts);
        foreach (Bar bar in bars.Bars)
        {
            bar.Size = BenchReportBuilder.LatenessBinMs * 0.9;
        }

        plot.Title($"Planner tick lateness ({tick.Ticks} ticks, {tick.MissedTicks} missed; last bin holds ≥ {tick.LatenessBinEdgesMs[^2]:0.0} ms)");
        plot.XLabel("wake − deadline, ms");
        plot.YLabel("ticks");
        plot.Axes.Margins(bottom: 0);
        const string file = "tick-lateness.png";
        plot.SavePng(Path.Combine(folder, file), WidthPx, HeightPx);
        return file;
    }

    private static string DropsOverTime(string folder, IReadOnlyList<ProcessSample> samples, IReadOnlyList<string> cameraNames)
    {
        var plot = new Plot();
        double[] t = [.. samples.Select(s => s.TimeS)];
        for (int c = 0; c < cameraNames.Count; c++)
        {
            double[] dropped = [.. samples.Select(s => c < s.DroppedPerCamera.Count ? (double)s.DroppedPerCamera[c] : 0)];
            plot.Add.Scatter(t, dropped).LegendText = cameraNames[c];
        }

        plot.Title("Frames dropped per camera (cumulative)");
        plot.XLabel("s since the run started");
        plot.YLabel("frames");
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Axes.SetLimitsY(0, Math.Max(1, samples.Max(s => s.DroppedPerCamera.Count == 0 ? 0 : s.DroppedPerCamera.Max())) * 1.1);
        const string file = "drops-over-time.png";
        plot.SavePng(Path.Combine(folder, file), WidthPx, HeightPx);
        return file;
    }
}
