using Octopilot.Cameras.Synthetic;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.V4l2.Rig;
using Octopilot.Host.Cameras;
using Octopilot.CameraPath;
using Octopilot.Core.Calibration;
using Octopilot.Core.Threading;
using Octopilot.Core.Time;
using Octopilot.Host.Recording;
using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;
using Octopilot.Pipeline;
using Octopilot.Pipeline.Stats;
using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Realtime;
using Octopilot.Planner.Tick;
using Octopilot.Vehicle;

namespace Octopilot.Host.Service;

/// <summary>
/// The running car, composed for `octopilot run`: cameras → frame pipeline → inference thread (HydraNet, world model)
/// → planner on its real-time tick → vehicle, with the drive recorder on its own thread. Built completely (model loaded
/// and warmed up, every file checked) before <see cref="Start"/>; <see cref="WaitUntilEveryCameraDelivered"/> is the
/// readiness condition; the progress counters feed the watchdog; <see cref="Stop"/> shuts down in order and ends with a
/// neutral command. Cameras are the synthetic rig until the V4L2 source exists (issue 11).
/// </summary>
internal sealed class DrivingStack : IDisposable
{
    /// <summary>Lead time between building the cameras and their first frame (camera open, first renders).</summary>
    private const long StartLeadNs = 1_000_000_000;

    private readonly FramePipeline _pipeline;
    private readonly CameraSourceSet _sources;
    private readonly IPerceptionEngine? _engine;
    private readonly SimConsumer _consumer;
    private readonly FixedTickLoop _tickLoop;
    private readonly PlannerTickStep _tickStep;
    private readonly StallableTickStep _stallable;
    private readonly SimDriveRecorder? _recorder;
    private readonly LatestValueMailbox<PlannerOutput> _commands;
    private readonly IVehicleInterface _vehicleInterface;
    private readonly VehicleLinkTickStep _vehicleLink;
    private readonly LatestValueMailbox<VehicleState> _vehicle;
    private readonly long _startNs;
    private readonly PipelineStatistics _statistics;

    public DrivingStack(SimSettings settings, ServiceOptions options, string configDirectory, string? driveFolder, TextWriter log)
    {
        (CameraRig rig, IReadOnlyDictionary<string, V4l2CameraOptions> devices) = RigCameraSources.LoadRig(settings);
        HighwayWorld world = SyntheticCameraRig.LoadWorld(settings.ScenarioFile);
        IClock clock = MonotonicClock.Instance;
        _engine = settings.Inference is InferenceOptions inference
            ? PerceptionEngines.Open(inference, rig.Cameras.Select(c => c.Name).ToArray(), settings.Mode.WidthPx, settings.Mode.HeightPx, clock, log)
            : null;
        _engine?.WarmUp(3, rig.Count);
        PerceptionSource perception = options.Perception == "oracle" ? PerceptionSource.Oracle : PerceptionSource.Model;
        if (perception == PerceptionSource.Model && _engine is null)
        {
            throw new InvalidOperationException("perception 'model' needs a model: set inference.model in the settings file");
        }

        _startNs = clock.NowNs + StartLeadNs;
        long phaseStepNs = rig.Count > 1 ? TimeUnits.MsToNs(settings.CameraPhaseSpreadMs) / (rig.Count - 1) : 0;
        SyntheticCamera[] cameras = SyntheticCameraRig.Create(rig, world, clock, _startNs, phaseStepNs);
        var pipelineOptions = new PipelineOptions
        {
            Mode = settings.Mode,
            SlabCount = settings.SlabCount,
            SyncToleranceNs = TimeUnits.MsToNs(settings.SyncToleranceMs),
            SetDeadlineNs = TimeUnits.MsToNs(settings.SetDeadlineMs),
        };
        _sources = new CameraSourceSet(RigCameraSources.Build(settings, rig, devices, cameras, clock, _startNs, phaseStepNs));
        _pipeline = new FramePipeline(pipelineOptions, _sources.Sources, clock);
        _engine?.Bind(_pipeline.Pool, rig.Cameras.Select(c => c.Name).ToArray());
        _statistics = new PipelineStatistics(rig.Count);

        var worldMailbox = new LatestValueMailbox<WorldModelSnapshot>();
        _vehicle = new LatestValueMailbox<VehicleState>();
        _commands = new LatestValueMailbox<PlannerOutput>();
        var worldModel = new SimWorldModel(rig, world, settings.Mode, _startNs, perception, _engine, worldMailbox, null, 1, settings.Inference?.ObjectRangeNoiseFraction);
        if (driveFolder is not null)
        {
            _recorder = SimDriveRecorder.Start(
                new DriveRecordingOptions
                {
                    Folder = driveFolder,
                    SegmentLengthS = options.DriveLog!.SegmentLengthS,
                    Decimation = [options.DriveLog.Decimation],
                    Fsync = options.DriveLog.Fsync switch
                    {
                        "none" => DriveLog.Recording.FsyncPolicy.None,
                        "rotation" => DriveLog.Recording.FsyncPolicy.OnRotation,
                        _ => DriveLog.Recording.FsyncPolicy.Interval,
                    },
                },
                settings, rig, worldModel, _startNs, pipelineOptions.EffectiveSetDeadlineNs);
        }

        // The vehicle: its state is read and its command sent on the tick thread (VehicleLinkTickStep). The synthetic
        // cameras keep rendering the scenario's scripted ego: the service runs open loop on them; the closed loop with
        // a simulated vehicle moving the cameras is `octopilot sim --scenario PLANNER-FILE`.
        (_vehicleInterface, Action<long>? advance) = VehicleFactory.Create(options.Vehicle, configDirectory, world.Scenario.Ego.SpeedMps);
        _tickStep = new PlannerTickStep(new PlannerOptions(), worldMailbox, _vehicle, _commands, _recorder?.Taps);
        _vehicleLink = new VehicleLinkTickStep(_vehicleInterface, _tickStep, _vehicle, _commands, advance);
        _stallable = new StallableTickStep(_vehicleLink, options.Faults.Enabled ? options.Faults.StallTickAfterS : null);
        _tickLoop = new FixedTickLoop(_stallable, clock, new TickLoopOptions
            {
                ThreadName = "planner-tick",
                FifoPriority = options.Realtime.TickFifoPriority,
                CpuCore = options.Realtime.TickCpuCore,
            },
            NullTickObserver.Instance,
            log);
        _consumer = new SimConsumer(_pipeline, new SetLatencyMeter(), new SetLatencyMeter(), null, _engine, worldModel, _recorder?.Taps);
        CameraNames = rig.Cameras.Select(c => c.Name).ToArray();
    }

    public IReadOnlyList<string> CameraNames { get; }

    /// <summary>Planner ticks stepped so far (the watchdog's proof that the tick thread lives).</summary>
    public long TicksStepped => _tickStep.Steps;

    /// <summary>Frame sets perceived so far (the proof that cameras, inference and the world model live).</summary>
    public long SetsPerceived => _consumer.SetsTaken;

    /// <summary>The last command the planner published (for the log line and the vehicle).</summary>
    public bool TryReadCommand(out PlannerOutput command) => _commands.TryRead(out command, out _);

    /// <summary>Ticks on which the vehicle state was invalid (never received, incomplete, silent bus).</summary>
    public long InvalidVehicleStates => _vehicleLink.InvalidStates;

    public string VehicleName => _vehicleInterface.Name;

    public void Start()
    {
        _vehicleInterface.Start();
        _pipeline.Start();
        _consumer.Start();
        _tickLoop.Start(_startNs);
    }

    /// <summary>Blocks until every camera has delivered a frame (true) or the timeout passed (false); <paramref name="missing"/> names the silent ones.</summary>
    public bool WaitUntilEveryCameraDelivered(TimeSpan timeout, CancellationToken cancellationToken, out IReadOnlyList<string> missing)
    {
        DateTime giveUp = DateTime.UtcNow + timeout;
        while (true)
        {
            _pipeline.ReadStatistics(_statistics);
            missing = CameraNames.Where((_, i) => _statistics.Cameras[i].Captured == 0).ToArray();
            if (missing.Count == 0)
            {
                return true;
            }

            if (DateTime.UtcNow >= giveUp || cancellationToken.IsCancellationRequested)
            {
                return false;
            }

            Thread.Sleep(20);
        }
    }

    /// <summary>
    /// Stops in the order that keeps every record: cameras first, the consumer drains what is queued, the tick loop
    /// stops (a stalled tick is released first), a neutral command is published for the vehicle, then the recorder
    /// drains, syncs and closes its segment.
    /// </summary>
    public void Stop()
    {
        _pipeline.Stop();
        _consumer.StopAndJoin();
        _stallable.Release();
        _tickLoop.Stop();

        // The last word to the car: no acceleration request, ACC off. Sent directly (the tick has stopped).
        _commands.Publish(NeutralCommand);
        _vehicleInterface.Send(NeutralCommand, MonotonicClock.Instance.NowNs);
        _vehicleInterface.Stop();
        _recorder?.Finish();
    }

    /// <summary>What the vehicle gets last: no acceleration request, ACC off, no lateral request.</summary>
    public static PlannerOutput NeutralCommand => new() { TargetAccelMps2 = 0, Mode = LongitudinalMode.Off, LeadId = -1 };

    public void Dispose()
    {
        _tickLoop.Dispose();
        _stallable.Dispose();
        _consumer.Dispose();
        _recorder?.Dispose();
        _pipeline.Dispose();
        _sources.Dispose();
        _engine?.Dispose();
        _vehicleInterface.Dispose();
    }
}
