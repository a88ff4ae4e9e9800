using Octopilot.Bench.Runner.Probe;
using Octopilot.Bench.Runner.Report;
using Octopilot.Bench.Runner.Sampling;
using Octopilot.Core.Configuration;

namespace Octopilot.Bench.Runner.Tests;

/// <summary>From raw rows to figures, budgets, baseline regressions and the files of a report.</summary>
public sealed class ReportTests
{
    private const long Ms = 1_000_000;

    private static ProcessSample Sample(double t, long allocated, long reporter) =>
        new(t, t * 0.5, new Dictionary<string, double> { ["inference"] = t * 0.4 }, allocated, 1, 0, 0, 2.5 * t, 100 << 20, [0, (long)t], reporter);

    /// <summary>100 sets 100 ms apart from t = 0; set i's end to end is 40 + i/10 ms; the first 10 fall in the 1 s warm-up.</summary>
    internal static BenchRunData Run(double extraFusionMs = 0)
    {
        var rows = new SetStageRecord[100];
        for (int i = 0; i < rows.Length; i++)
        {
            long sof = i * 100 * Ms;
            long fusion = (long)((1 + extraFusionMs) * Ms);
            rows[i] = new SetStageRecord
            {
                SetSequence = i, OldestStartOfFrameNs = sof, NewestStartOfFrameNs = sof + Ms, ShippedNs = sof + (8 * Ms), TakenNs = sof + (9 * Ms),
                PerceivedNs = sof + (30 * Ms), WorldModelNs = sof + (30 * Ms) + fusion, CommandNs = sof + (long)((40 + (i / 10.0) + extraFusionMs) * Ms),
            };
        }

        return new BenchRunData
        {
            Setup = new BenchSetup(10, 1, "synthetic", 2, "384x288 Rgb24", 10, "model", "m.onnx", "cpu", true, new Dictionary<string, double>()),
            WallS = 10,
            RunStartNs = 0,
            TicksPerSecond = 100,
            Records = rows,
            TickLatenessNs = [.. Enumerable.Range(0, 1000).Select(i => i < 100 ? 9 * Ms : (i % 10) * 100_000L)],
            Samples = [Sample(5, 5_000_000, 1_000_000), Sample(10, 10_000_000, 2_000_000)],
            Cameras = [new CameraFigures("a", 100, 0, 0, 0, 10), new CameraFigures("b", 100, 0, 0, 0, 10)],
            SetsComplete = 100,
            SetsIncomplete = 0,
            SetsDropped = 0,
            SyncSkew = (1, 1, 1),
            Ticks = 1000,
            LateTicks = 0,
            SkippedTicks = 0,
            TickLateness = (0, 0, 0),
            ConsumerSteadyStateBytes = 0,
            ConsumerSteadyStateSets = 70,
            PeakWorkingSetBytes = 200L << 20,
            Start = Sample(0, 0, 0),
        };
    }

    [Fact]
    public void Build_LeavesTheWarmupOutAndTakesNearestRankPercentiles()
    {
        BenchReport report = BenchReportBuilder.Build(Run(), new BenchBudgets(), BenchReportBuilder.Machine());

        StageFigures e2e = report.Stage("endToEnd");
        Assert.Equal(90, e2e.Count); // sets 10..99
        Assert.Equal(40 + 5.4, e2e.P50Ms, 6); // 45th of 41.0..49.9
        Assert.Equal(40 + 9.9, e2e.MaxMs, 6);
        Assert.Equal(21, report.Stage("inference").P99Ms, 6);
        Assert.Equal(0.9, report.Tick.LatenessMaxMs, 6); // the 9 ms warm-up ticks are out
        Assert.Equal(900, report.Tick.LatenessHistogram.Sum());
        Assert.Equal(1_000_000, report.Memory.AllocatedBytesPerSecond, 6);
        Assert.Equal(200_000, report.Memory.ReporterBytesPerSecond, 6);
        Assert.Equal(0.5, report.Cpu.ProcessCores, 6);
        Assert.True(report.Passed);
    }

    [Fact]
    public void Budgets_FailingFigure_IsNamedWithLimitAndActual()
    {
        BenchReport report = BenchReportBuilder.Build(Run(), new BenchBudgets { EndToEndP99Ms = 45 }, BenchReportBuilder.Machine());

        BudgetCheck e2e = report.Budgets.Single(b => b.Name == "endToEndP99Ms");
        Assert.False(e2e.Passed);
        Assert.Equal(45, e2e.Limit);
        Assert.Equal(49.9, e2e.Actual, 6); // nearest rank: ceil(0.99 · 90) = the 90th of 90
        Assert.False(report.Passed);
    }

    [Fact]
    public void Baseline_DelayedStage_IsARegressionNamingTheStageAndFigures()
    {
        var budgets = new BenchBudgets();
        BenchReport baseline = BenchReportBuilder.Build(Run(), budgets, BenchReportBuilder.Machine());
        BenchReport same = BenchReportBuilder.Build(Run(), budgets, BenchReportBuilder.Machine());
        BenchReport slower = BenchReportBuilder.Build(Run(extraFusionMs: 20), budgets, BenchReportBuilder.Machine());

        Assert.Empty(BaselineComparison.Compare(same, baseline, budgets));
        IReadOnlyList<Regression> regressions = BaselineComparison.Compare(slower, baseline, budgets);
        Assert.Contains(regressions, r => r.Figure == "fusion p50" && r.Message.Contains("21.00 ms against the baseline's 1.00 ms", StringComparison.Ordinal));
        Assert.Contains(regressions, r => r.Figure == "endToEnd p99");
        Assert.DoesNotContain(regressions, r => r.Figure.StartsWith("inference", StringComparison.Ordinal));
    }

    [Fact]
    public void Files_JsonRoundTripsMarkdownAndPlotsAreWritten()
    {
        string folder = Directory.CreateTempSubdirectory("bench-report-").FullName;
        try
        {
            BenchRunData run = Run();
            BenchReport report = BenchReportBuilder.Build(run, new BenchBudgets(), BenchReportBuilder.Machine());
            report = report with { Plots = BenchPlots.Write(folder, run.Records, report, run.Samples, ["a", "b"]) };
            string json = Path.Combine(folder, "report.json");

            BenchReportJson.Write(json, report);
            BenchReport back = BenchReportJson.Read(json);
            string md = BenchReportMarkdown.Render(back);

            Assert.Equal(report.Stage("endToEnd"), back.Stage("endToEnd"));
            Assert.Equal(report.Tick.LatenessHistogram, back.Tick.LatenessHistogram);
            Assert.StartsWith("# Octopilot bench: PASS", md, StringComparison.Ordinal);
            Assert.Contains("| endToEnd | start of frame → command | 90 |", md, StringComparison.Ordinal);
            Assert.Equal(["latency-cdf.png", "e2e-over-time.png", "tick-lateness.png", "drops-over-time.png"], report.Plots);
            foreach (string plot in report.Plots)
            {
                byte[] png = File.ReadAllBytes(Path.Combine(folder, plot));
                Assert.True(png.Length > 5_000 && png[1] == (byte)'P' && png[2] == (byte)'N' && png[3] == (byte)'G', $"{plot} is not a drawn PNG");
                Assert.Contains($"![{Path.GetFileNameWithoutExtension(plot)}]({plot})", md, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Read_NotAReport_IsRefusedNamingTheFormat()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, "{\"format\": \"something-else/1\"}");
            ConfigException e = Assert.Throws<ConfigException>(() => BenchReportJson.Read(file));
            Assert.Contains("octopilot-bench-report/1", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
