using System.Diagnostics;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Time;
using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Perception.Oracle;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Simulation.Perception;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Vehicles;
using Octopilot.WorldModel;

namespace Octopilot.CameraPath;

/// <summary>
/// The planner's world model through the whole camera path, for closed-loop scenarios: every frame period the eight
/// synthetic cameras render the simulation as it is now into a frame slab (the same assembler and slabs as the live
/// pipeline), the oracle or the HydraNet perceives it, and the <see cref="WorldModelBuilder"/> fuses, fits and tracks.
/// The snapshot reaches the planner <see cref="CameraPathOptions.PerceptionLatencyS"/> after its start of frame;
/// between frames the planner keeps the last one (and ages it). All on the closed loop's thread, on its virtual clock:
/// the same scenario gives the same pixels, the same world models and the same commands on every run.
/// </summary>
public sealed class CameraPathWorldModel : IWorldModelSource, IDisposable
{
    private const int PendingCapacity = 16;

    private readonly CameraPathOptions _options;
    private readonly IPerceptionEngine? _engine;
    private readonly ICameraPathObserver? _observer;
    private readonly ScenarioWorldState _state;
    private readonly HighwayRenderer[] _renderers;
    private readonly LabelBuffer[] _labels;
    private readonly OracleDecoder _oracle;
    private readonly PerceptionFrameSet _oracleResults;
    private readonly PerceptionFrameSet? _modelResults;
    private readonly FrameSlabPool _pool;
    private readonly FrameSetAssembler _assembler;
    private readonly long _framePeriodNs;
    private readonly long _latencyNs;
    private readonly WorldModelSnapshot[] _pending = new WorldModelSnapshot[PendingCapacity];
    private readonly long[] _pendingAvailableNs = new long[PendingCapacity];
    private int _pendingHead;
    private int _pendingCount;
    private WorldModelSnapshot _current;
    private long _nextFrameNs = long.MinValue;
    private long _frameSequence;

    /// <param name="scenario">The planner scenario whose world the cameras show.</param>
    /// <param name="options">Rig, mode, perception, world model settings.</param>
    /// <param name="engine">The HydraNet, opened and warmed up by the caller (who keeps ownership); required for
    /// <see cref="PerceptionSource.Model"/>, optional (shadow) for the oracle; null: no model.</param>
    /// <param name="observer">Sees every world model built; null: nobody.</param>
    public CameraPathWorldModel(Scenario scenario, CameraPathOptions options, IPerceptionEngine? engine = null, ICameraPathObserver? observer = null)
    {
        if (options.Perception == PerceptionSource.Model && engine is null)
        {
            throw new ArgumentException("perception 'model' needs a loaded model (set inference.model in the settings, and do not pass --no-inference)");
        }

        _options = options;
        _engine = engine;
        _observer = observer;
        int width = options.Mode.WidthPx, height = options.Mode.HeightPx;
        if (engine is InferenceEngine contract && (contract.InputWidthPx != width || contract.InputHeightPx != height))
        {
            throw new ArgumentException($"the model's input is {contract.InputWidthPx}x{contract.InputHeightPx} but the cameras render {width}x{height}; set the capture mode to the model's input size");
        }

        HighwayScenario scene = ScenarioScene.From(scenario);
        RoadFrame roadFrame = RoadFrame.ForCentreLine(scenario.Road.LaneCount, scenario.Road.LaneWidthM, scenario.Road.CurvaturePerM);
        _state = new ScenarioWorldState(roadFrame, scenario.Road.Lane0OffsetM, scenario.Traffic.Count);
        var world = new HighwayWorld(scene, _state, _state);
        CameraRig rig = options.Rig.ScaledTo(width, height);
        _renderers = new HighwayRenderer[rig.Count];
        _labels = new LabelBuffer[rig.Count];
        for (int c = 0; c < rig.Count; c++)
        {
            _renderers[c] = new HighwayRenderer(rig[c], world);
            _labels[c] = _renderers[c].CreateLabelBuffer();
        }

        int stride = engine?.MapStridePx ?? options.OracleStride;
        IReadOnlyList<string> classes = engine?.ClassNames ?? options.ClassNames;
        _oracle = new OracleDecoder(rig, width, height, stride, classes, options.MaxDetectionsPerCamera);
        _oracleResults = _oracle.CreateResults();
        string[] names = rig.Cameras.Select(c => c.Name).ToArray();
        _framePeriodNs = options.Mode.FramePeriodNs;
        _pool = new FrameSlabPool(2, rig.Count, options.Mode);
        _assembler = new FrameSetAssembler(_pool, new AssemblerOptions(rig.Count, TimeUnits.MsToNs(5), _framePeriodNs, _framePeriodNs), names);
        engine?.Bind(_pool, names);
        _modelResults = engine?.CreateResults();
        _latencyNs = (long)Math.Round(options.PerceptionLatencyS * 1e9);

        BevLookupTable table = BevLookupTable.Build(rig, options.WorldModel.Grid, width / stride, height / stride, stride);
        Builder = new WorldModelBuilder(rig, table, classes, options.WorldModel);
    }

    public WorldModelBuilder Builder { get; }

    public CameraPathStatistics Statistics { get; } = new();

    /// <summary>Which perception drives the world model.</summary>
    public PerceptionSource Perception => _options.Perception;

    /// <summary>True when the HydraNet runs on every set without driving (oracle perception with a model loaded).</summary>
    public bool HasShadowModel => _engine is not null && _options.Perception == PerceptionSource.Oracle;

    public WorldModelSnapshot Observe(SimulationView view)
    {
        long simTimeNs = (long)Math.Round(view.TimeS * 1e9);
        if (_nextFrameNs == long.MinValue)
        {
            Prime(view, simTimeNs);
        }

        if (view.NowNs >= _nextFrameNs)
        {
            _state.Capture(view, simTimeNs);
            Perceive(view.NowNs, simTimeNs, view.EgoSpeedMps, view.EgoYawRateRadps);
            _nextFrameNs += _framePeriodNs;
        }

        // Hand on every snapshot whose latency has passed, newest last.
        while (_pendingCount > 0 && _pendingAvailableNs[_pendingHead] <= view.NowNs)
        {
            _current = _pending[_pendingHead];
            _pendingHead = (_pendingHead + 1) % PendingCapacity;
            _pendingCount--;
        }

        return _current;
    }

    public void Dispose()
    {
        _pool.Dispose();
    }

    // Perceives the traffic's extrapolated past so the tracker has confirmed tracks with velocities at t = 0; the last
    // primed snapshot is available at once (its age is one frame period, well inside the stale bound).
    private void Prime(SimulationView view, long simTimeNs)
    {
        _state.Capture(view, simTimeNs);
        for (int k = _options.PrimeFrames; k >= 1; k--)
        {
            Perceive(view.NowNs - (k * _framePeriodNs), simTimeNs - (k * _framePeriodNs), view.EgoSpeedMps, view.EgoYawRateRadps);
        }

        while (_pendingCount > 0)
        {
            _current = _pending[_pendingHead];
            _pendingHead = (_pendingHead + 1) % PendingCapacity;
            _pendingCount--;
        }

        _nextFrameNs = view.NowNs;
    }

    private void Perceive(long startOfFrameNs, long simTimeNs, double egoSpeedMps, double egoYawRateRadps)
    {
        long sequence = _frameSequence++;
        long t0 = Stopwatch.GetTimestamp();
        _oracle.BeginSet(_oracleResults, sequence);
        for (int c = 0; c < _renderers.Length; c++)
        {
            // The pixels go straight into the slab the model reads (no copy), as a camera capture would.
            if (!_assembler.TryBeginFrame(c, startOfFrameNs, sequence, startOfFrameNs, out FrameSlot slot))
            {
                throw new InvalidOperationException($"camera {c}: the frame assembler refused frame {sequence} (a slab leaked?)");
            }

            _renderers[c].Render(simTimeNs, slot.Pixels, _labels[c]);
            _assembler.CompleteFrame(slot, startOfFrameNs);
        }

        long t1 = Stopwatch.GetTimestamp();
        Statistics.Render.Record(ElapsedNs(t0, t1));
        if (!_assembler.TryTakeReady(startOfFrameNs, out FrameSetLease lease))
        {
            throw new InvalidOperationException($"frame set {sequence} did not complete with every camera rendered");
        }

        PerceptionFrameSet driving;
        using (lease)
        {
            if (_options.Perception == PerceptionSource.Model)
            {
                _engine!.Run(lease, _modelResults!);
                driving = _modelResults!;
                Statistics.Perception.Record(ElapsedNs(t1, Stopwatch.GetTimestamp()));
            }
            else
            {
                DecodeOracle(startOfFrameNs);
                driving = _oracleResults;
                long t2 = Stopwatch.GetTimestamp();
                Statistics.Perception.Record(ElapsedNs(t1, t2));
                if (_engine is not null)
                {
                    _engine.Run(lease, _modelResults!);
                    Statistics.ShadowInference.Record(ElapsedNs(t2, Stopwatch.GetTimestamp()));
                    CompareShadow();
                }
            }
        }

        long t3 = Stopwatch.GetTimestamp();
        WorldModelSnapshot snapshot = default;
        Builder.Update(driving, new EgoMotion(egoSpeedMps, egoYawRateRadps), ref snapshot);
        Statistics.WorldModel.Record(ElapsedNs(t3, Stopwatch.GetTimestamp()));
        Statistics.FrameSets++;
        _observer?.OnWorldModel(TimeUnits.NsToSeconds(simTimeNs), Builder, snapshot);
        Enqueue(snapshot, startOfFrameNs + _latencyNs);
    }

    private void DecodeOracle(long startOfFrameNs)
    {
        for (int c = 0; c < _renderers.Length; c++)
        {
            _oracle.Decode(_oracleResults, c, _labels[c], startOfFrameNs);
        }
    }

    private void CompareShadow()
    {
        PerceptionFrameSet model = _modelResults!;
        long oracleDetections = 0, modelDetections = 0;
        double differenceSum = 0;
        int compared = 0;
        for (int c = 0; c < model.Cameras.Count; c++)
        {
            oracleDetections += _oracleResults.Cameras[c].DetectionCount;
            modelDetections += model.Cameras[c].DetectionCount;
            ReadOnlySpan<float> a = model.Map(HeadKind.Lanes, c), b = _oracleResults.Map(HeadKind.Lanes, c);
            if (a.Length == b.Length && a.Length > 0)
            {
                double sum = 0;
                for (int i = 0; i < a.Length; i++)
                {
                    sum += Math.Abs(a[i] - b[i]);
                }

                differenceSum += sum / a.Length;
                compared++;
            }
        }

        Statistics.OracleDetections += oracleDetections;
        Statistics.ShadowDetections += modelDetections;
        Statistics.ShadowLanesMeanAbsDifferenceSum += compared > 0 ? differenceSum / compared : 0;
    }

    private void Enqueue(in WorldModelSnapshot snapshot, long availableNs)
    {
        if (_pendingCount == PendingCapacity)
        {
            // Latency of more than 16 frame periods: the oldest would be superseded anyway.
            _pendingHead = (_pendingHead + 1) % PendingCapacity;
            _pendingCount--;
        }

        int at = (_pendingHead + _pendingCount) % PendingCapacity;
        _pending[at] = snapshot;
        _pendingAvailableNs[at] = availableNs;
        _pendingCount++;
    }

    private static long ElapsedNs(long fromTimestamp, long toTimestamp) =>
        (long)((toTimestamp - fromTimestamp) * (1e9 / Stopwatch.Frequency));
}
