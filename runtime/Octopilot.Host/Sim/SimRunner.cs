using System.Diagnostics;
using System.Globalization;
using Octopilot.Cameras;
using Octopilot.Cameras.Synthetic;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.V4l2.Rig;
using Octopilot.Host.Cameras;
using Octopilot.Core.Calibration;
using Octopilot.CameraPath;
using Octopilot.Core.Configuration;
using Octopilot.Core.Threading;
using Octopilot.Host.Cli;
using Octopilot.Host.Recording;
using Octopilot.DriveLog.Recording;
using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Realtime;
using Octopilot.Planner.Tick;
using Octopilot.WorldModel;
using Octopilot.Core.Statistics;
using Octopilot.Core.Time;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Providers;
using Octopilot.Pipeline;
using Octopilot.Pipeline.Capture;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Host.Sim;

/// <summary>
/// `octopilot sim`: the eight synthetic cameras through the frame pipeline for a fixed time, with a live status line
/// and a final summary. Threads: one per camera (capture), one consumer, and the calling thread as reporter.
/// Everything that can be wrong with the inputs is checked before any thread starts.
/// </summary>
internal sealed class SimRunner
{
    /// <summary>
    /// Least lead time between building the cameras and their first frame. The real lead adds what opening every camera
    /// (ray tables) and warming up the model cost, measured on this machine, so no camera misses its first frames.
    /// </summary>
    private const long MinStartLeadNs = 300_000_000;

    /// <summary>Extra lead when video-file cameras are in the rig: ffmpeg's start-up (~0.3 s measured) with margin.</summary>
    private const long VideoStartLeadNs = 1_500_000_000;

    /// <summary>Model runs before the cameras start: ORT's first runs are several times slower than steady state.</summary>
    private const int EngineWarmupRuns = 3;

    /// <summary>Fault lines printed per status interval at most, so a failing camera cannot flood the terminal.</summary>
    private const int MaxFaultLinesPerInterval = 5;

    /// <summary>Frames rendered before the run: past the runtime's tier-up call count (30).</summary>
    private const int WarmupRenders = 40;

    private readonly SimSettings _settings;
    private IReadOnlyDictionary<string, V4l2CameraOptions> _devices = new Dictionary<string, V4l2CameraOptions>();
    private readonly SimRunOptions _run;
    private readonly TextWriter _output;
    private LatestValueMailbox<WorldModelSnapshot>? _worldMailbox;
    private LatestValueMailbox<PlannerOutput>? _commandMailbox;
    private string _perceptionLabel = string.Empty;

    public SimRunner(SimSettings settings, SimRunOptions run, TextWriter output)
    {
        _settings = settings;
        _run = run;
        _output = output;
    }

    /// <summary>Runs the simulation; returns the process exit code (0, or 1 for a degraded run under --strict).</summary>
    public int Run(CancellationToken cancellationToken)
    {
        (CameraRig rig, _devices) = RigCameraSources.LoadRig(_settings);
        HighwayWorld world = SyntheticCameraRig.LoadWorld(_settings.ScenarioFile);
        IClock clock = MonotonicClock.Instance;
        long cameraOpenNs = WarmUpRenderer(rig, world, clock);

        // The model loads, is validated and warmed up before the sim clock starts, so no camera's first frames wait on it.
        using IPerceptionEngine? engine = OpenEngine(clock, rig);
        engine?.WarmUp(EngineWarmupRuns, rig.Count);

        long phaseStepNs = rig.Count > 1 ? TimeUnits.MsToNs(_settings.CameraPhaseSpreadMs) / (rig.Count - 1) : 0;
        // Video-file cameras start ffmpeg when they open: give it time to decode its first frame before the first deadline.
        long simStartNs = clock.NowNs + MinStartLeadNs + (2 * rig.Count * cameraOpenNs) + (_settings.VideoFiles.Count + _devices.Count > 0 ? VideoStartLeadNs : 0);
        SyntheticCamera[] cameras = SyntheticCameraRig.Create(rig, world, clock, simStartNs, phaseStepNs);
        var options = new PipelineOptions
        {
            Mode = _settings.Mode,
            SlabCount = _settings.SlabCount,
            SyncToleranceNs = TimeUnits.MsToNs(_settings.SyncToleranceMs),
            SetDeadlineNs = TimeUnits.MsToNs(_settings.SetDeadlineMs),
        };

        using var ownedSources = new CameraSourceSet(RigCameraSources.Build(_settings, rig, _devices, cameras, clock, simStartNs, phaseStepNs));
        ICameraSource[] sources = ownedSources.Sources;
        using var pipeline = new FramePipeline(options, sources, clock);
        engine?.Bind(pipeline.Pool, rig.Cameras.Select(c => c.Name).ToArray());
        var latency = new SetLatencyMeter();
        var inferenceLatency = new SetLatencyMeter();
        SnapshotCapture? snapshot = _run.SnapshotDirectory is null
            ? null
            : new SnapshotCapture(rig.Count, _settings.Mode.FrameBytes, simStartNs + TimeUnits.SecondsToNs(Math.Min(_run.SnapshotAtS, _run.DurationS / 2)));
        if (_run.Perception == PerceptionSource.Model && engine is null)
        {
            throw new UsageException("--perception model needs a model: set inference.model in the settings or pass --model, and drop --no-inference");
        }

        // The world model is built on the inference thread and handed to the planner's tick thread through a mailbox;
        // the ego drives the scenario's script here (the closed loop with a simulated ego is `sim --scenario` with a
        // planner scenario), so the planner's commands are shown, not applied.
        var worldMailbox = new LatestValueMailbox<WorldModelSnapshot>();
        var vehicleMailbox = new LatestValueMailbox<VehicleState>();
        var commandMailbox = new LatestValueMailbox<PlannerOutput>();
        var worldModel = new SimWorldModel(
            rig, world, _settings.Mode, simStartNs, _run.Perception, engine, worldMailbox, _run.BevSnapshotDirectory, _run.BevSnapshotIntervalS,
            _settings.Inference?.ObjectRangeNoiseFraction);
        using SimDriveRecorder? recorder = _run.Recording is null
            ? null
            : SimDriveRecorder.Start(_run.Recording, _settings, rig, worldModel, simStartNs, options.EffectiveSetDeadlineNs);
        double egoSpeedMps = world.Scenario.Ego.SpeedMps;
        var vehicleState = new VehicleState
        {
            SpeedMps = egoSpeedMps,
            YawRateRadps = egoSpeedMps * world.Road.CurvaturePerM,
            Driver = new DriverInputs { Engaged = true, SetSpeedMps = egoSpeedMps, TimeGap = TimeGapSetting.Medium },
        };
        vehicleMailbox.Publish(vehicleState);
        recorder?.Taps.OnVehicleState(clock.NowNs, vehicleState);
        using var plannerTick = new FixedTickLoop(
            new PlannerTickStep(
                new PlannerOptions(), worldMailbox, vehicleMailbox, commandMailbox,
                (IPlannerTickObserver?)recorder?.Taps ?? (_run.Bench is null ? null : new Bench.ProbeTickObserver(_run.Bench.Probe, clock))), clock,
            new TickLoopOptions { ThreadName = "planner-tick", FifoPriority = _run.TickFifoPriority }, NullTickObserver.Instance, TextWriter.Null);
        using var consumer = new SimConsumer(pipeline, latency, inferenceLatency, snapshot, engine, worldModel, recorder?.Taps, _run.Bench?.Probe);
        _worldMailbox = worldMailbox;
        _commandMailbox = commandMailbox;
        _perceptionLabel = _run.Perception == PerceptionSource.Model ? "MODEL" : engine is null ? "ORACLE" : "ORACLE (HYDRANET IN SHADOW)";

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"octopilot sim: {rig.Count} cameras {_settings.Mode}, rig '{rig.Name}', scenario {Path.GetFileName(_settings.ScenarioFile)}, {_run.DurationS:0.#} s; pipeline {options.SlabCount} slabs ({pipeline.Pool.TotalBytes / (1024.0 * 1024.0):0.0} MiB), sync tolerance {_settings.SyncToleranceMs:0.###} ms, set deadline {options.EffectiveSetDeadlineNs / 1e6:0.#} ms"));
        _output.WriteLine(engine is null
            ? "inference: off (no model in the settings, or --no-inference)"
            : string.Create(CultureInfo.InvariantCulture,
                $"inference: {engine.Description} on {ExecutionProviderNames.NameOf(engine.Provider)}, {rig.Count} cameras"));
        _output.WriteLine($"perception: {_perceptionLabel.ToLowerInvariant()} feeds the BEV, tracker and world model; planner ticking at 100 Hz on it (commands shown, ego scripted)");
        _output.WriteLine("fps per camera: " + string.Join(" ", rig.Cameras.Select(c => c.Name)));

        TimeSpan cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
        _run.Bench?.Probe.SetTickGrid(simStartNs, plannerTick.Options.PeriodNs);
        pipeline.Start(); // opens every camera: a device that cannot deliver the mode is refused here, nothing else started
        foreach (ICameraSource source in sources.Where(s => s is not SyntheticCamera))
        {
            _output.WriteLine(CameraSourceDescription.Describe(source)); // after Open: the format the driver set
        }

        consumer.Start();
        plannerTick.Start(simStartNs);
        if (_run.Bench is Bench.BenchHooks bench)
        {
            // After the threads started (their start-up allocations are not the run's), before the first frame.
            bench.Sampler = new Octopilot.Bench.Runner.Sampling.ProcessSampler(simStartNs, () => clock.NowNs);
            bench.Start = bench.Sampler.Sample(new long[rig.Count]);
        }

        long endNs = simStartNs + TimeUnits.SecondsToNs(_run.DurationS);

        // The summary covers exactly the run window: statistics are read at its end, before stopping, so sets cut in
        // half by the shutdown itself do not count as incomplete.
        var statistics = new PipelineStatistics(rig.Count);
        var endToEnd = new LogHistogram();
        var inferenceHistogram = new LogHistogram();
        ReportUntil(pipeline, latency, inferenceLatency, consumer, simStartNs, endNs, cancellationToken);
        pipeline.ReadStatistics(statistics);
        latency.CopyTo(endToEnd);
        inferenceLatency.CopyTo(inferenceHistogram);
        long setsInferred = engine?.Counters.Runs ?? 0;
        double wallS = TimeUnits.NsToSeconds(Math.Min(clock.NowNs, endNs) - simStartNs);
        double cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalSeconds;
        if (_run.Bench is Bench.BenchHooks hooks)
        {
            var tickStatistics = new TickLoopStatistics();
            plannerTick.ReadStatistics(tickStatistics);
            hooks.Sampler?.Sample([.. statistics.Cameras.Select(c => c.Dropped)]);
            hooks.Outcome = new Bench.BenchSimOutcome(
                statistics, tickStatistics, Math.Max(wallS, 1e-3), consumer.SteadyStateAllocatedBytes, consumer.SteadyStateSets,
                engine is null ? "none" : ExecutionProviderNames.NameOf(engine.Provider), simStartNs, plannerTick.Options.PeriodNs, consumer.SetsTaken,
                rig.Cameras.Select(c => c.Name).ToArray(), _settings.Mode, _settings.Inference?.ModelPath, sources.Select(c => c.Transfer).ToArray());
        }

        pipeline.Stop();
        consumer.StopAndJoin();
        plannerTick.Stop();
        RecorderStatistics? recording = recorder?.Finish();
        var summary = new SimSummary
        {
            Title = string.Create(CultureInfo.InvariantCulture, $"summary: {wallS:0.0} s of {rig.Count} cameras at {_settings.Mode}"),
            CameraNames = rig.Cameras.Select(c => c.Name).ToArray(),
            Statistics = statistics,
            EndToEnd = endToEnd,
            WallS = Math.Max(wallS, 1e-3),
            CpuS = cpuS,
            ExpectedFps = _settings.Mode.FramesPerSecond,
            SyncToleranceMs = _settings.SyncToleranceMs,
            ConsumerSteadyStateBytes = consumer.SteadyStateAllocatedBytes,
            ConsumerSteadyStateSets = consumer.SteadyStateSets,
            Inference = engine is null ? null : new InferenceSummary(
                ExecutionProviderNames.NameOf(engine.Provider), setsInferred, inferenceHistogram, consumer.Detections,
                engine.Counters.TotalNonFiniteOutputs(), engine.Counters.TotalDetectionsRejected()),
        };
        summary.WriteTo(_output);
        WriteWorldModelSummary(worldModel);
        if (recorder is not null && recording is not null)
        {
            WriteRecordingSummary(recorder, recording);
        }

        WriteSnapshot(snapshot, cameras);
        return _run.Strict && !summary.IsClean ? 1 : 0;
    }

    private void ReportUntil(
        FramePipeline pipeline, SetLatencyMeter latency, SetLatencyMeter inferenceLatency, SimConsumer consumer, long simStartNs, long endNs,
        CancellationToken cancellationToken)
    {
        var inference = new LogHistogram();
        long lastSetsTaken = 0;
        IClock clock = pipeline.Clock;
        var previous = new PipelineStatistics(pipeline.CameraCount);
        var current = new PipelineStatistics(pipeline.CameraCount);
        var endToEnd = new LogHistogram();
        long intervalNs = TimeUnits.SecondsToNs(_run.StatusIntervalS);
        long nextNs = simStartNs + intervalNs;
        long lastNs = simStartNs;
        TimeSpan lastCpu = Process.GetCurrentProcess().TotalProcessorTime;
        bool interactive = !Console.IsOutputRedirected && ReferenceEquals(_output, Console.Out);
        while (clock.SleepUntil(Math.Min(nextNs, endNs), cancellationToken))
        {
            long nowNs = clock.NowNs;
            pipeline.ReadStatistics(current);
            latency.CopyTo(endToEnd);
            inferenceLatency.CopyTo(inference);
            TimeSpan cpu = Process.GetCurrentProcess().TotalProcessorTime;
            double intervalS = Math.Max(TimeUnits.NsToSeconds(nowNs - lastNs), 1e-3);
            long setsTaken = consumer.SetsTaken;
            string line = SimStatusLine.Format(
                TimeUnits.NsToSeconds(nowNs - simStartNs), current, previous, intervalS, endToEnd, (cpu - lastCpu).TotalSeconds / intervalS,
                _settings.Inference is null ? null : ((setsTaken - lastSetsTaken) / intervalS, inference.PercentileNs(99)));
            lastSetsTaken = setsTaken;
            line += WorldStatus();
            if (interactive)
            {
                _output.Write("\r" + line);
            }
            else
            {
                _output.WriteLine(line);
            }

            ReportFaults(pipeline, simStartNs, interactive);
            if (_run.Bench is Bench.BenchHooks bench)
            {
                bench.Sampler?.Sample([.. current.Cameras.Select(c => c.Dropped)]);
                bench.Progress?.Invoke(Math.Clamp((nowNs - simStartNs) / (double)(endNs - simStartNs), 0, 1));
            }

            (previous, current) = (current, previous);
            lastNs = nowNs;
            lastCpu = cpu;
            if (nowNs >= endNs)
            {
                break;
            }

            nextNs += intervalNs;
        }

        if (interactive)
        {
            _output.WriteLine();
        }
    }

    /// <summary>
    /// Prints the capture faults posted since the last status line (at most <see cref="MaxFaultLinesPerInterval"/>; the
    /// counters keep the full count). Read here, on the reporter thread, so the capture threads never format text.
    /// </summary>
    /// <summary>What the world model and the planner say now, read from their mailboxes (never blocking their threads).</summary>
    private string WorldStatus()
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        string world = _worldMailbox is not null && _worldMailbox.TryRead(out WorldModelSnapshot w, out _)
            ? string.Create(c, $" | {_perceptionLabel.ToLowerInvariant()}: lanes {w.LaneCount} ego {w.EgoLaneIndex} tracks {w.Objects.Count}{(w.FrontCamerasHealthy && w.LeftCamerasHealthy && w.RightCamerasHealthy ? string.Empty : " UNCOVERED")}")
            : " | world model: none yet";
        string command = _commandMailbox is not null && _commandMailbox.TryRead(out PlannerOutput p, out _)
            ? string.Create(c, $" | planner {p.Mode} {p.TargetAccelMps2:+0.00;-0.00;0.00} m/s²{(p.LeadId >= 0 ? $" lead #{p.LeadId} {p.LeadGapM:0} m" : string.Empty)}{(p.TakeoverRequested ? $" TAKEOVER {p.TakeoverReason}" : string.Empty)}")
            : string.Empty;
        return world + command;
    }

    private void WriteRecordingSummary(SimDriveRecorder recorder, RecorderStatistics statistics)
    {
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"recording:   {Path.GetFullPath(recorder.Folder)}: {statistics.Segments} segment(s), {statistics.RecordsWritten} records, {statistics.BytesWritten / (1024.0 * 1024.0):0.0} MiB; frames recorded {recorder.Taps.FramesRecorded}, not recorded (recorder behind) {recorder.Taps.FramesNotRecorded}; critical records lost {statistics.CriticalRecordsLost}; fsyncs {statistics.Fsyncs} (max {statistics.MaxFsyncNs / 1e6:0.0} ms)"));
        if (statistics.State == RecorderState.Failed)
        {
            _output.WriteLine($"recording:   FAILED: {statistics.FailureMessage} (driving went on; the drive holds everything before the failure)");
        }
    }

    private void WriteWorldModelSummary(SimWorldModel worldModel)
    {
        WorldModelBuilder b = worldModel.Builder;
        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"world model: {b.Sets} sets from {_perceptionLabel.ToLowerInvariant()}; lanes not fitted in {b.SetsWithoutLanes} (held {b.LanesHeldSets}); detections projected {b.Projector.Total.Projected}, rejected above horizon {b.Projector.Total.RejectedAboveHorizon}, out of range {b.Projector.Total.RejectedOutOfRange}; tracker merged {b.Tracker.MergedMeasurements}"));
        foreach (string file in worldModel.BevFiles.Take(3))
        {
            _output.WriteLine($"bev snapshot: {file}");
        }

        if (worldModel.BevFiles.Count > 3)
        {
            _output.WriteLine($"bev snapshot: ... {worldModel.BevFiles.Count} pictures in {Path.GetFullPath(_run.BevSnapshotDirectory!)}");
        }
    }

    private void ReportFaults(FramePipeline pipeline, long simStartNs, bool interactive)
    {
        int shown = 0, more = 0;
        while (pipeline.Faults.TryRead(out CaptureFault fault))
        {
            if (shown == MaxFaultLinesPerInterval)
            {
                more++;
                continue;
            }

            if (shown == 0 && interactive)
            {
                _output.WriteLine();
            }

            shown++;
            string sequence = fault.Sequence >= 0 ? string.Create(CultureInfo.InvariantCulture, $", frame {fault.Sequence}") : string.Empty;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fault: camera {pipeline.Assembler.Counters[fault.Camera].CameraName}: {fault.Status} at {TimeUnits.NsToSeconds(fault.TimeNs - simStartNs):0.000} s{sequence}"));
        }

        if (more > 0)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: (+{more} more this interval; see the error counters)"));
        }
    }

    /// <summary>The cameras the settings ask for, in the settings' order (or the whole rig).</summary>
    internal static CameraRig SelectCameras(SimSettings settings, CameraRig rig)
    {
        if (settings.CameraNames.Count == 0)
        {
            return rig;
        }

        var selected = new List<CameraCalibration>();
        for (int i = 0; i < settings.CameraNames.Count; i++)
        {
            int index = rig.IndexOf(settings.CameraNames[i]);
            if (index < 0)
            {
                throw new ConfigException(settings.SettingsFile, $"$.cameras[{i}]",
                    $"must name a camera of rig {Path.GetFileName(settings.RigFile)}: {string.Join(", ", rig.Cameras.Select(c => c.Name))}",
                    $"\"{settings.CameraNames[i]}\"");
            }

            selected.Add(rig[index]);
        }

        return new CameraRig(rig.Name, selected);
    }

    /// <summary>
    /// Renders frames before the clock starts, so JIT compilation does not make the first sets late: enough calls
    /// (30, the tier-up threshold) that the per-frame methods are already optimised when the cameras start.
    /// Returns how long opening one camera (building its ray tables) took, to size the start lead.
    /// </summary>
    private long WarmUpRenderer(CameraRig rig, HighwayWorld world, IClock clock)
    {
        using var camera = new SyntheticCamera(rig[0], world, clock, clock.NowNs, 0);
        long openStartNs = clock.NowNs;
        camera.Open(_settings.Mode);
        long openNs = clock.NowNs - openStartNs;
        var scratch = new byte[_settings.Mode.FrameBytes];
        LabelBuffer labels = camera.CreateLabelBuffer();
        for (int i = 0; i < WarmupRenders; i++)
        {
            var ticket = new FrameTicket(clock.NowNs + (i * _settings.Mode.FramePeriodNs), i);
            camera.ReadFrame(ticket, scratch);
            camera.RenderLabels(ticket, labels);
        }

        return openNs;
    }

    /// <summary>Loads the model and picks the provider before any thread starts; null when inference is off.</summary>
    private IPerceptionEngine? OpenEngine(IClock clock, CameraRig rig) =>
        _settings.Inference is InferenceOptions options
            ? PerceptionEngines.Open(options, rig.Cameras.Select(c => c.Name).ToArray(), _settings.Mode.WidthPx, _settings.Mode.HeightPx, clock, _output)
            : null;

    private void WriteSnapshot(SnapshotCapture? snapshot, SyntheticCamera[] cameras)
    {
        if (snapshot is null || _run.SnapshotDirectory is null)
        {
            return;
        }

        if (!snapshot.IsTaken)
        {
            _output.WriteLine("snapshot:    not written: no complete frame set arrived after the snapshot time (run longer, or lower --snapshot-at)");
            return;
        }

        foreach (string path in SimSnapshotWriter.Write(_run.SnapshotDirectory, snapshot, cameras))
        {
            _output.WriteLine($"snapshot:    {path}");
        }
    }
}
