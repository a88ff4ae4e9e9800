using Octopilot.Core.Calibration;
using System.Globalization;
using Octopilot.Bench.Runner.Probe;
using Octopilot.Bench.Runner.Report;
using Octopilot.CameraPath;
using Octopilot.Core.Frames;
using Octopilot.Host.Cli;
using Octopilot.Host.Sim;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Host.Bench;

/// <summary>
/// `octopilot bench`: the sim's full pipeline at real rate (synthetic cameras, the model on its provider, the planner
/// on its 100 Hz tick) with the stage probe and process sampler attached, then report.json, report.md and the plots.
/// A sweep runs one level per camera rate and reports the highest sustainable one. Exit 0 when every budget is met and
/// nothing regressed against the baseline, 1 otherwise.
/// </summary>
internal static class BenchRunner
{
    private const string ReplayPrefix = "replay:";
    private const string DevicesPrefix = "devices:";

    public static int Run(BenchRequest request, TextWriter output, CancellationToken cancellationToken)
    {
        BenchConfig config = BenchConfigFile.Load(request.ConfigPath);
        string? replayFolder = request.Cameras.StartsWith(ReplayPrefix, StringComparison.Ordinal) ? request.Cameras[ReplayPrefix.Length..] : null;
        string? deviceRig = request.Cameras.StartsWith(DevicesPrefix, StringComparison.Ordinal) ? request.Cameras[DevicesPrefix.Length..] : null;
        if (request.Cameras != "synthetic" && replayFolder is null && deviceRig is null)
        {
            throw new UsageException(
                $"--cameras {request.Cameras}: allowed are synthetic, replay:DIR (a recorded drive) and devices:RIG (a rig file whose devices section maps cameras to V4L2 nodes)");
        }

        if (deviceRig is not null)
        {
            if (!File.Exists(deviceRig))
            {
                throw new UsageException($"--cameras devices:RIG: no such rig file: {Path.GetFullPath(deviceRig)}");
            }

            if (Cameras.RigCameraSources.DevicesOf(deviceRig).Count == 0)
            {
                throw new UsageException($"--cameras devices:{deviceRig}: the rig file has no devices section mapping its cameras to V4L2 nodes (see `octopilot cameras list`)");
            }
        }

        if (replayFolder is not null && !Directory.Exists(replayFolder))
        {
            throw new UsageException($"--cameras replay:DIR: no such drive folder: {Path.GetFullPath(replayFolder)}");
        }

        if (replayFolder is not null && request.SweepFps.Count > 0)
        {
            throw new UsageException("--sweep with --cameras replay:DIR: a recorded drive plays at its recorded rate; sweep synthetic cameras");
        }

        SimSettings settings = InferenceOverrides.Apply(SimSettingsFile.Load(config.SimSettingsPath), request.Model, null, null, false, request.Manifest);
        if (deviceRig is not null)
        {
            settings = settings with { RigFile = Path.GetFullPath(deviceRig), CameraNames = [] }; // every camera of the device rig
        }
        string perception = request.Perception ?? config.Perception;
        if (perception == "model" && settings.Inference is null)
        {
            throw new UsageException("--perception model needs a model: the bench config's sim settings have none; pass --model or --perception oracle");
        }

        double durationS = request.DurationS ?? config.DurationS;
        BenchReport? baseline = request.BaselinePath is null ? null : BenchReportJson.Read(request.BaselinePath);
        Directory.CreateDirectory(request.OutputFolder);
        BenchMachine machine = BenchReportBuilder.Machine();
        bool interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);

        if (request.SweepFps.Count > 0)
        {
            return Sweep(request, config, settings, perception, durationS, machine, baseline, interactive, output, cancellationToken);
        }

        string probeState = request.Instrumented ? "stage probe on" : "stage probe off";
        output.WriteLine(replayFolder is null
            ? string.Create(CultureInfo.InvariantCulture, $"octopilot bench: {durationS:0.#} s, {settings.Mode}, perception {perception}, {probeState} → {Path.GetFullPath(request.OutputFolder)}")
            : $"octopilot bench: {probeState} → {Path.GetFullPath(request.OutputFolder)}");
        (BenchReport report, SetStageRecord[] records, BenchRunData data) = replayFolder is null
            ? RunOnce(request, config, settings, perception, durationS, machine, interactive, output, cancellationToken)
            : RunReplay(request, config, replayFolder, durationS, machine, interactive, output, cancellationToken);
        if (baseline is not null)
        {
            report = report with { Baseline = request.BaselinePath, Regressions = BaselineComparison.Compare(report, baseline, config.Budgets) };
        }

        report = report with { Plots = BenchPlots.Write(request.OutputFolder, records, report, data.Samples, data.Cameras.Select(c => c.Name).ToArray()) };
        return Finish(request.OutputFolder, report, output);
    }

    private static int Sweep(
        BenchRequest request, BenchConfig config, SimSettings settings, string perception, double durationS, BenchMachine machine, BenchReport? baseline,
        bool interactive, TextWriter output, CancellationToken cancellationToken)
    {
        var points = new List<SweepPoint>();
        var runs = new List<(double Fps, bool Sustainable, (BenchReport Report, SetStageRecord[] Records, BenchRunData Data) Run)>();
        foreach (double fps in request.SweepFps)
        {
            CameraMode mode = settings.Mode;
            SimSettings level = settings with { Mode = new CameraMode(mode.WidthPx, mode.HeightPx, mode.PixelFormat, fps) };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"octopilot bench: sweep level {fps:0.#} fps, {durationS:0.#} s"));
            var run = RunOnce(request, config, level, perception, durationS, machine, interactive, output, cancellationToken);
            BenchReport r = run.Report;
            StageFigures e2e = r.Stage("endToEnd");
            bool sustainable = r.Cameras.Sum(c => c.Dropped) == 0 && r.Sets.Incomplete == 0 && r.Tick.MissedTicks == 0
                && (config.Budgets.EndToEndP99Ms is not double limit || (e2e.Count > 0 && e2e.P99Ms <= limit));
            points.Add(new SweepPoint(fps, r.Sets.ProcessedPerSecond, e2e.P50Ms, e2e.P99Ms, r.Cameras.Sum(c => c.Dropped), r.Sets.Incomplete, r.Tick.MissedTicks, sustainable));
            runs.Add((fps, sustainable, run));
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }
        }

        // The report stands on the highest sustainable level (or the lowest level when none was), with the sweep table.
        if (runs.Count == 0)
        {
            throw new OperationCanceledException("the sweep was stopped before its first level finished");
        }

        var chosen = runs.Any(r => r.Sustainable) ? runs.Where(r => r.Sustainable).MaxBy(r => r.Fps) : runs.MinBy(r => r.Fps);
        (BenchReport report, SetStageRecord[] records, BenchRunData data) = chosen.Run;
        if (baseline is not null)
        {
            report = report with { Baseline = request.BaselinePath, Regressions = BaselineComparison.Compare(report, baseline, config.Budgets) };
        }

        var plots = new List<string>(BenchPlots.Write(request.OutputFolder, records, report, data.Samples, data.Cameras.Select(c => c.Name).ToArray()));
        plots.AddRange(BenchPlots.WriteSweep(request.OutputFolder, points));
        report = report with { Sweep = points, Plots = plots };
        SweepPoint? top = points.Where(p => p.Sustainable).MaxBy(p => p.FramesPerSecond);
        output.WriteLine(top is null
            ? "sweep: no level was sustainable (drops, incomplete sets, missed ticks or end-to-end p99 over budget at every rate)"
            : string.Create(CultureInfo.InvariantCulture, $"sweep: highest sustainable rate {top.FramesPerSecond:0.#} fps per camera ({top.SetsPerSecond:0.0} sets/s, end to end p99 {top.EndToEndP99Ms:0.0} ms)"));
        return Finish(request.OutputFolder, report with { Budgets = top is null ? [.. report.Budgets, new BudgetCheck("sustainableLevel", 1, 0, false)] : report.Budgets }, output);
    }

    private static (BenchReport Report, SetStageRecord[] Records, BenchRunData Data) RunOnce(
        BenchRequest request, BenchConfig config, SimSettings settings, string perception, double durationS, BenchMachine machine, bool interactive,
        TextWriter output, CancellationToken cancellationToken)
    {
        var progress = new ProgressBar(output, interactive);
        BenchHooks hooks = Hooks(request, progress);
        var run = new SimRunOptions
        {
            DurationS = durationS,
            StatusIntervalS = Math.Clamp(durationS / 60, 0.25, 1),
            Perception = perception == "model" ? PerceptionSource.Model : PerceptionSource.Oracle,
            TickFifoPriority = config.TickFifoPriority,
            Bench = hooks,
        };
        new SimRunner(settings, run, TextWriter.Null).Run(cancellationToken);
        progress.Finish();
        return Build(request, config, hooks, durationS, perception, machine);
    }

    /// <summary>A recorded drive's frames at their recorded rate through the same pipeline (its recorded perception and model), for up to <paramref name="durationS"/>.</summary>
    private static (BenchReport Report, SetStageRecord[] Records, BenchRunData Data) RunReplay(
        BenchRequest request, BenchConfig config, string folder, double durationS, BenchMachine machine, bool interactive, TextWriter output,
        CancellationToken cancellationToken)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"octopilot bench: drive {Path.GetFullPath(folder)} in real time, up to {durationS:0.#} s"));
        var progress = new ProgressBar(output, interactive);
        BenchHooks hooks = Hooks(request, progress);
        var options = new Replay.RealtimeReplayOptions
        {
            DriveFolder = folder,
            ToS = durationS,
            ModelPath = request.Model,
            BaseDirectory = AppContext.BaseDirectory,
            StatusIntervalS = Math.Clamp(durationS / 60, 0.25, 1),
            Bench = hooks,
        };
        new Replay.RealtimeReplayRunner(options, TextWriter.Null).Run(cancellationToken);
        progress.Finish();
        string perception = hooks.Outcome?.ModelPath is null ? "oracle" : "model";
        return Build(request, config, hooks, durationS, perception, machine);
    }

    private static BenchHooks Hooks(BenchRequest request, ProgressBar progress) =>
        new() { Probe = new StageProbe { Enabled = request.Instrumented, InjectedDelaysMs = request.InjectedDelaysMs }, Progress = progress.Report };

    private static (BenchReport Report, SetStageRecord[] Records, BenchRunData Data) Build(
        BenchRequest request, BenchConfig config, BenchHooks hooks, double durationS, string perception, BenchMachine machine)
    {
        BenchSimOutcome outcome = hooks.Outcome ?? throw new InvalidOperationException("the run ended before its window: nothing to report");
        StageProbe probe = hooks.Probe;
        PipelineStatistics statistics = outcome.Pipeline;
        var cameras = outcome.CameraNames.Select((name, i) => new CameraFigures(
            name, statistics.Cameras[i].Captured, statistics.Cameras[i].Dropped, statistics.Cameras[i].Late, statistics.Cameras[i].Errors,
            statistics.Cameras[i].Captured / outcome.WallS,
            i < outcome.Transfers.Count ? outcome.Transfers[i].Kind.ToString() : "Unknown",
            i < outcome.Transfers.Count ? outcome.Transfers[i].BytesCopiedPerFrame : 0)).ToArray();
        double warmupS = Math.Min(config.WarmupS, durationS / 2);
        var data = new BenchRunData
        {
            Setup = new BenchSetup(
                Math.Round(outcome.WallS, 1), warmupS, request.Cameras, outcome.CameraNames.Count, $"{outcome.Mode.WidthPx}x{outcome.Mode.HeightPx} {outcome.Mode.PixelFormat}",
                outcome.Mode.FramesPerSecond, perception, outcome.ModelPath, outcome.Provider, request.Instrumented,
                request.InjectedDelaysMs.ToDictionary(d => Stages.Name(d.Key), d => d.Value)),
            WallS = outcome.WallS,
            RunStartNs = outcome.RunStartNs,
            TicksPerSecond = 1e9 / outcome.TickPeriodNs,
            Records = probe.Records(),
            TickLatenessNs = probe.TickLatenessNs(),
            MissedTicksAfterWarmup = request.Instrumented ? probe.MissedTicksAfter((long)(warmupS * 1e9)) : null,
            Samples = hooks.Sampler?.Samples ?? [],
            Cameras = cameras,
            SetsComplete = statistics.SetsComplete,
            SetsIncomplete = statistics.SetsIncomplete,
            SetsDropped = statistics.SetsDropped,
            SetsProcessed = outcome.SetsProcessed,
            SyncSkew = (statistics.SyncSkew.PercentileNs(50) / 1e6, statistics.SyncSkew.PercentileNs(99) / 1e6, statistics.SyncSkew.MaxNs / 1e6),
            Ticks = outcome.Tick.Ticks,
            LateTicks = outcome.Tick.LateTicks,
            SkippedTicks = outcome.Tick.SkippedTicks,
            TickRealtime = outcome.Tick.Realtime.Describe(),
            TickLateness = (outcome.Tick.LatenessNs.PercentileNs(50) / 1e6, outcome.Tick.LatenessNs.PercentileNs(99) / 1e6, outcome.Tick.LatenessNs.MaxNs / 1e6),
            ConsumerSteadyStateBytes = outcome.ConsumerSteadyStateBytes,
            ConsumerSteadyStateSets = outcome.ConsumerSteadyStateSets,
            PeakWorkingSetBytes = Octopilot.Bench.Runner.Sampling.ProcessSampler.PeakWorkingSetBytes(),
            Start = hooks.Start ?? throw new InvalidOperationException("the sampler did not start"),
        };
        BenchReport report = BenchReportBuilder.Build(data, config.Budgets, machine);
        return (report, data.Records, data);
    }

    private static int Finish(string folder, BenchReport report, TextWriter output)
    {
        BenchReportJson.Write(Path.Combine(folder, "report.json"), report);
        File.WriteAllText(Path.Combine(folder, "report.md"), BenchReportMarkdown.Render(report));
        CultureInfo c = CultureInfo.InvariantCulture;
        foreach (StageFigures s in report.Stages)
        {
            output.WriteLine(string.Create(c, $"  {s.Name,-10} {s.Description,-32} p50 {s.P50Ms,8:0.00}  p90 {s.P90Ms,8:0.00}  p99 {s.P99Ms,8:0.00}  max {s.MaxMs,8:0.00} ms  ({s.Count} sets)"));
        }

        output.WriteLine(string.Create(c,
            $"  sets {report.Sets.Shipped} shipped ({report.Sets.SetsPerSecond:0.0}/s), {report.Sets.Processed} processed ({report.Sets.ProcessedPerSecond:0.0}/s), dropped frames {report.Cameras.Sum(x => x.Dropped)}, incomplete {report.Sets.Incomplete}; ticks {report.Tick.Ticks}, missed {report.Tick.MissedTicks}; CPU {report.Cpu.ProcessCores:0.00} cores; alloc {report.Memory.AllocatedBytesPerSecond / 1024:0.0} KiB/s, GC pauses {report.Memory.GcPauseTotalMs:0.0} ms; provider {report.Setup.ExecutionProvider}"));
        foreach (BudgetCheck b in report.Budgets.Where(b => !b.Passed))
        {
            output.WriteLine(string.Create(c, $"  FAIL budget {b.Name}: {b.Actual:0.##} > {b.Limit:0.##}"));
        }

        foreach (Regression r in report.Regressions)
        {
            output.WriteLine($"  REGRESSION {r.Message}");
        }

        output.WriteLine($"bench: {(report.Passed ? "PASS" : "FAIL")} → {Path.GetFullPath(Path.Combine(folder, "report.md"))}");
        return report.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }
}
