using Octopilot.Inference.Providers;
using System.Globalization;
using Octopilot.CameraPath;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;
using Octopilot.Core.Statistics;
using Octopilot.Core.Threading;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;
using Octopilot.Fusion.Tracking;
using Octopilot.Perception.Oracle;
using Octopilot.Pipeline;
using Octopilot.Pipeline.Stats;
using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Realtime;
using Octopilot.Planner.Tick;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;
using Octopilot.Replay.Playback.Realtime;
using Octopilot.WorldModel;

namespace Octopilot.Host.Replay;

/// <summary>
/// `octopilot replay DIR --realtime [--speed X]`: a recorded drive through the live pipeline, composed as `sim` composes
/// it, with the synthetic cameras replaced by <see cref="ReplayCameraSource"/>s fed by one <see cref="ReplayFrameFeed"/>
/// and the scripted ego by a <see cref="ReplayVehicle"/>: eight capture threads, the inference thread
/// (<see cref="SimConsumer"/> with <see cref="SimWorldModel"/>: the recorded perception, oracle or HydraNet, with the
/// recorded stride, classes and detection rows), the planner on its <see cref="FixedTickLoop"/>, and the calling thread
/// as reporter. Everything runs on a <see cref="DriveTimeClock"/>: the recording's own time, paced at X times real time.
/// Not bit-exact, by nature: which frames form a set, which world model a tick reads, and which frames a late loop
/// drops depend on thread timing, so the summary compares the command stream by drive time, approximately; the
/// deterministic replay (`replay DIR --compare`) is the bit-exact one.
/// </summary>
internal sealed class RealtimeReplayRunner
{
    /// <summary>Wall time between starting the threads and the first frame falling due: cameras open, threads start, queues fill.</summary>
    private const long StartLeadNs = 300_000_000;

    /// <summary>Model runs before the clock starts: ORT's first runs are several times slower than steady state.</summary>
    private const int EngineWarmupRuns = 3;

    /// <summary>Recorded sets perceived and fused before the clock starts: past the runtime's tier-up call count (30).</summary>
    private const int OracleWarmupSets = 32;

    /// <summary>Live ticks kept beyond the replayed span's tick count (scheduling slack; at worst the excess is counted, not kept).</summary>
    private const int LiveTickMargin = 1_000;

    private readonly RealtimeReplayOptions _options;
    private readonly TextWriter _output;

    public RealtimeReplayRunner(RealtimeReplayOptions options, TextWriter output)
    {
        _options = options;
        _output = output;
    }

    /// <summary>Replays the drive; returns the exit code (0; 1 when not a single frame could be replayed).</summary>
    public int Run(CancellationToken cancellationToken)
    {
        DriveTimeline timeline = DriveTimeline.Load(_options.DriveFolder);
        RealtimeReplayPlan plan = RealtimeReplayPlan.From(timeline, _options);
        SegmentInfo info = timeline.Info;
        var perception = plan.Perception == "model" ? PerceptionSource.Model : PerceptionSource.Oracle;
        using InferenceEngine? engine = perception == PerceptionSource.Model
            ? InferenceEngine.Open(
                RecordedInferenceOptions.For(info, ReplayModelFile.Resolve(info, _options.ModelPath, _options.BaseDirectory, _output), intraOpThreads: 0),
                MonotonicClock.Instance, _output)
            : null;
        engine?.WarmUp(EngineWarmupRuns, plan.Rig.Count);
        if (engine is null)
        {
            WarmUpOracle(plan, timeline);
        }

        // The clock starts after everything slow is done: drive time windowStart falls due StartLeadNs from now.
        var clock = new DriveTimeClock(MonotonicClock.Instance, plan.StartNs, MonotonicClock.Instance.NowNs + StartLeadNs, _options.Speed);
        using var feed = new ReplayFrameFeed(_options.DriveFolder, info, new ReplayFrameFeedOptions { FromNs = plan.FromNs, ToNs = plan.ToNs });
        ReplayCameraSource[] cameras = feed.CreateCameras(clock);
        try
        {
            return Replay(timeline, plan, perception, engine, clock, feed, cameras, cancellationToken);
        }
        finally
        {
            foreach (ReplayCameraSource camera in cameras)
            {
                camera.Dispose();
            }
        }
    }

    /// <summary>
    /// Runs the oracle and the world model builder on the drive's first recorded sets, on throwaway instances, before
    /// the clock starts (as `sim` renders frames before its cameras start): otherwise JIT compilation makes the first
    /// second of sets late, and a late capture loop drops frames as a real camera would.
    /// </summary>
    private static void WarmUpOracle(RealtimeReplayPlan plan, DriveTimeline timeline)
    {
        int width = plan.Mode.WidthPx, height = plan.Mode.HeightPx;
        var oracle = new OracleSetPerception(plan.Rig.ScaledTo(width, height), plan.World, plan.Stride, plan.ClassNames, plan.MaxDetections, plan.SimStartNs);
        WorldModelBuilder builder = WorldModelBuilderFactory.ForCapture(plan.Rig, width, height, plan.Stride, plan.ClassNames);
        WorldModelSnapshot snapshot = default;
        foreach (FrameSetRecord set in timeline.FrameSets.Take(OracleWarmupSets))
        {
            builder.Update(oracle.Perceive(set.SetSequence, set.ArrivedMask, set.StartOfFrameNs), new EgoMotion(set.EgoSpeedMps, set.EgoYawRateRadps), ref snapshot);
        }
    }

    private int Replay(
        DriveTimeline timeline, RealtimeReplayPlan plan, PerceptionSource perception, InferenceEngine? engine, DriveTimeClock clock, ReplayFrameFeed feed,
        ReplayCameraSource[] cameras, CancellationToken cancellationToken)
    {
        var options = new PipelineOptions { Mode = plan.Mode, SyncToleranceNs = plan.SyncToleranceNs, SetDeadlineNs = plan.SetDeadlineNs };
        using var pipeline = new FramePipeline(options, cameras, clock);
        string[] names = plan.Rig.Cameras.Select(c => c.Name).ToArray();
        engine?.Bind(pipeline.Pool, names);
        var worldMailbox = new LatestValueMailbox<WorldModelSnapshot>();
        var vehicleMailbox = new LatestValueMailbox<VehicleState>();
        var commandMailbox = new LatestValueMailbox<PlannerOutput>();
        var worldModel = new SimWorldModel(
            plan.Rig, plan.World, plan.Mode, plan.SimStartNs, perception,
            engine?.Contract.Stride ?? plan.Stride, engine?.Contract.Classes ?? plan.ClassNames, engine is { Contract.MaxObjects: > 0 } ? engine.Contract.MaxObjects : plan.MaxDetections,
            worldMailbox, null, 0, RecordedInferenceOptions.RangeNoiseFraction(timeline.Info));
        using var vehicle = new ReplayVehicle(timeline.Commands, vehicleMailbox, clock, plan.FromNs, plan.ToNs);
        var tickOptions = new TickLoopOptions { ThreadName = "planner-tick" };
        var live = new LiveCommandLog(checked((int)((plan.EndNs - plan.FirstTickNs) / tickOptions.PeriodNs)) + LiveTickMargin);
        using var plannerTick = new FixedTickLoop(
            new PlannerTickStep(
                new PlannerOptions(), worldMailbox, vehicleMailbox, commandMailbox,
                _options.Bench is null ? live : new Bench.TickObserverPair(live, new Bench.ProbeTickObserver(_options.Bench.Probe, clock))),
            clock, tickOptions, NullTickObserver.Instance, TextWriter.Null);
        var latency = new SetLatencyMeter();
        var inferenceLatency = new SetLatencyMeter();
        using var consumer = new SimConsumer(pipeline, latency, inferenceLatency, null, engine, worldModel, null, _options.Bench?.Probe);
        var reporter = new RealtimeReplayReporter(_output, pipeline, cameras, clock, worldMailbox, commandMailbox, perception == PerceptionSource.Model ? "model" : "oracle");

        CultureInfo c = CultureInfo.InvariantCulture;
        SegmentInfo info = timeline.Info;
        _output.WriteLine(string.Create(c,
            $"octopilot replay: drive {info.DriveId} ({info.Properties.GetValueOrDefault(ReplayProperties.ScenarioFile, "?")}) in real time at {_options.Speed:0.##}x: {TimeUnits.NsToSeconds(plan.LastTickNs - plan.StartNs):0.0} s of drive from {TimeUnits.NsToSeconds(plan.StartNs - plan.FirstRecordedTickNs):0.0} s; {cameras.Length} replay cameras {plan.Mode}, rig '{plan.Rig.Name}'"));
        _output.WriteLine(string.Create(c,
            $"pipeline: {options.SlabCount} slabs, sync tolerance {plan.SyncToleranceNs / 1e6:0.###} ms, set deadline {options.EffectiveSetDeadlineNs / 1e6:0.#} ms (recorded); feed queues {feed.Options.QueueDepth} frames per camera ({feed.QueueBytes / (1024.0 * 1024.0):0.0} MiB)"));
        _output.WriteLine(engine is null
            ? "perception: oracle (labels re-rendered at each frame's recorded start of frame) → world model → planner at 100 Hz of drive time, on the recorded vehicle"
            : string.Create(c, $"perception: HydraNet ({engine.Contract.Backbone}, {engine.InputWidthPx}x{engine.InputHeightPx}) on the recorded frames → world model → planner at 100 Hz of drive time, on the recorded vehicle"));
        _output.WriteLine("not bit-exact: real-time replay forms its frame sets by thread timing; 'replay DIR --compare' is the deterministic, bit-exact check");

        feed.Start();
        pipeline.Start();
        consumer.Start();
        vehicle.Start();
        _options.Bench?.Probe.SetTickGrid(plan.FirstTickDeadlineNs, tickOptions.PeriodNs);
        plannerTick.Start(plan.FirstTickDeadlineNs);
        Bench.BenchHooks? bench = _options.Bench;
        if (bench is not null)
        {
            bench.Sampler = new Octopilot.Bench.Runner.Sampling.ProcessSampler(plan.StartNs, () => clock.NowNs);
            bench.Start = bench.Sampler.Sample(new long[cameras.Length]);
        }

        reporter.ReportUntil(plan.StartNs, plan.EndNs, _options.StatusIntervalS, latency, cancellationToken, bench is null ? null : (s, done) =>
        {
            bench.Sampler?.Sample([.. s.Cameras.Select(x => x.Dropped)]);
            bench.Progress?.Invoke(done);
        });

        // Counters are read at the end of the window, before stopping, as `sim` does.
        var statistics = new PipelineStatistics(cameras.Length);
        pipeline.ReadStatistics(statistics);
        var endToEnd = new LogHistogram();
        latency.CopyTo(endToEnd);
        var inference = new LogHistogram();
        inferenceLatency.CopyTo(inference);
        double driveS = TimeUnits.NsToSeconds(Math.Min(clock.NowNs, plan.EndNs) - plan.StartNs);
        pipeline.Stop();
        consumer.StopAndJoin();
        plannerTick.Stop();
        var ticks = new TickLoopStatistics();
        plannerTick.ReadStatistics(ticks);
        if (bench is not null)
        {
            bench.Sampler?.Sample([.. statistics.Cameras.Select(x => x.Dropped)]);
            bench.Outcome = new Bench.BenchSimOutcome(
                statistics, ticks, Math.Max(driveS / _options.Speed, 1e-3), consumer.SteadyStateAllocatedBytes, consumer.SteadyStateSets,
                engine is null ? "none" : ExecutionProviderNames.NameOf(engine.Provider), plan.StartNs, tickOptions.PeriodNs, consumer.SetsTaken,
                names, plan.Mode, engine is null ? null : info.Properties.GetValueOrDefault(ReplayProperties.ModelPath), cameras.Select(c => c.Transfer).ToArray());
        }
        vehicle.Stop();
        feed.Stop();

        var summary = new RealtimeReplaySummary
        {
            CameraNames = names,
            Cameras = cameras,
            Feed = feed,
            Statistics = statistics,
            EndToEndDriveNs = endToEnd,
            InferenceWallNs = engine is null ? null : inference,
            Speed = _options.Speed,
            DriveS = driveS,
            SetsTaken = consumer.SetsTaken,
            ConsumerSteadyStateBytes = consumer.SteadyStateAllocatedBytes,
            ConsumerSteadyStateSets = consumer.SteadyStateSets,
            VehicleStatesPublished = vehicle.Published,
            LiveTicks = live.Count,
            LiveTicksNotKept = live.Overflow,
            Ticks = ticks,
            Commands = CommandStreamComparison.Compare(
                timeline.Commands, live, Math.Max(plan.FromNs, plan.FirstTickNs), plan.ToNs, tickOptions.PeriodNs),
            FirstRecordedTickNs = plan.FirstRecordedTickNs,
            TimelineWarnings = timeline.PayloadErrors.Count + timeline.Damages.Count,
        };
        summary.WriteTo(_output);
        return cameras.Sum(camera => camera.FramesDelivered) > 0 ? Cli.ExitCodes.Ok : Cli.ExitCodes.Failed;
    }
}
