using Octopilot.CameraPath;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;
using Octopilot.Core.Threading;
using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Perception.Oracle;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;
using Octopilot.Planner.Inputs;
using Octopilot.WorldModel;

namespace Octopilot.Host.Sim;

/// <summary>
/// The live sim's world model, on the inference thread after the HydraNet: the driving perception (the oracle's label
/// maps of exactly the frames in the set, or the HydraNet's heads) → <see cref="WorldModelBuilder"/> → the planner's
/// mailbox. The oracle renders each present camera's labels at that camera's own start of frame, so the skew between
/// cameras is in the labels too. Allocates only in the constructor (BEV pictures aside, which the caller excludes from
/// its allocation meter).
/// </summary>
internal sealed class SimWorldModel
{
    private readonly PerceptionSource _perception;
    private readonly long _simStartNs;
    private readonly OracleSetPerception? _oracle;
    private readonly long[] _startOfFrameNs;
    private readonly EgoMotion _egoMotion;
    private readonly LatestValueMailbox<WorldModelSnapshot> _mailbox;
    private readonly string? _bevDirectory;
    private readonly long _bevIntervalNs;
    private long _nextBevNs;
    private WorldModelSnapshot _snapshot;

    /// <summary>The tracker's radial noise fraction when the model feeds it (null: the tracker's default); recorded with a drive.</summary>
    public double? RangeNoiseFraction { get; }

    public SimWorldModel(
        CameraRig rig, HighwayWorld world, CameraMode mode, long simStartNs, PerceptionSource perception, IPerceptionEngine? engine,
        LatestValueMailbox<WorldModelSnapshot> mailbox, string? bevDirectory, double bevIntervalS, double? rangeNoiseFraction = null)
        : this(
            rig, world, mode, simStartNs, perception,
            engine?.MapStridePx ?? CameraPathOptions.DefaultOracleStride,
            engine?.ClassNames ?? CameraPathOptions.DefaultClassNames,
            engine is { MaxDetections: > 0 } ? engine.MaxDetections : 32,
            mailbox, bevDirectory, bevIntervalS, rangeNoiseFraction)
    {
    }

    /// <summary>
    /// With the perception's map stride, class names and detection rows given (a real-time replay passes the recorded
    /// ones, so the oracle renders what it rendered live even when the model that set them is not loaded).
    /// </summary>
    public SimWorldModel(
        CameraRig rig, HighwayWorld world, CameraMode mode, long simStartNs, PerceptionSource perception, int stride, IReadOnlyList<string> classes,
        int maxDetections, LatestValueMailbox<WorldModelSnapshot> mailbox, string? bevDirectory, double bevIntervalS, double? rangeNoiseFraction = null)
    {
        _perception = perception;
        _simStartNs = simStartNs;
        _mailbox = mailbox;
        int width = mode.WidthPx, height = mode.HeightPx;
        CameraRig scaled = rig.ScaledTo(width, height);
        Stride = stride;
        ClassNames = classes;
        MaxDetections = maxDetections;
        if (perception == PerceptionSource.Oracle)
        {
            _oracle = new OracleSetPerception(scaled, world, stride, classes, MaxDetections, simStartNs);
        }

        _startOfFrameNs = new long[rig.Count];

        // The model's range noise only drives the tracker when the model's detections feed it (oracle boxes are exact).
        RangeNoiseFraction = perception == PerceptionSource.Model ? rangeNoiseFraction : null;
        Builder = WorldModelBuilderFactory.ForCapture(rig, width, height, stride, classes, WorldModelOptions.ForRangeNoise(RangeNoiseFraction));
        double speedMps = world.Scenario.Ego.SpeedMps;
        _egoMotion = new EgoMotion(speedMps, speedMps * world.Road.CurvaturePerM);
        _bevDirectory = bevDirectory;
        _bevIntervalNs = (long)Math.Round(bevIntervalS * 1e9);
        _nextBevNs = simStartNs;
        if (bevDirectory is not null)
        {
            Directory.CreateDirectory(bevDirectory);
        }
    }

    public WorldModelBuilder Builder { get; }

    public PerceptionSource Perception => _perception;

    /// <summary>Map stride, class names and detection rows of the perception feeding the world model (recorded for replay).</summary>
    public int Stride { get; }

    public IReadOnlyList<string> ClassNames { get; }

    public int MaxDetections { get; }

    /// <summary>The ego motion every set is given (the sim's ego drives the scenario's constant speed on its curve).</summary>
    public EgoMotion EgoMotion => _egoMotion;

    /// <summary>The snapshot of the last processed set (the one just published).</summary>
    public ref readonly WorldModelSnapshot Snapshot => ref _snapshot;

    public List<string> BevFiles { get; } = [];

    /// <summary>Managed bytes the BEV pictures allocated on this thread (not steady-state work: excluded from the meter).</summary>
    public long BevAllocatedBytes { get; private set; }

    /// <summary>Builds and publishes the world model of the set in <paramref name="lease"/>; <paramref name="modelResults"/> is the HydraNet's decode of it, if it ran.</summary>
    public void Process(in FrameSetLease lease, PerceptionFrameSet? modelResults)
    {
        PerceptionFrameSet? driving = _perception == PerceptionSource.Model ? modelResults : DecodeOracle(lease);
        if (driving is null)
        {
            return;
        }

        Builder.Update(driving, _egoMotion, ref _snapshot);
        _mailbox.Publish(_snapshot);
        WriteBevIfDue(lease.Slab.MaxStartOfFrameNs);
    }

    private PerceptionFrameSet DecodeOracle(in FrameSetLease lease)
    {
        FrameSlab slab = lease.Slab;
        for (int c = 0; c < _startOfFrameNs.Length; c++)
        {
            _startOfFrameNs[c] = lease.HasCamera(c) ? slab.StartOfFrameNs(c) : 0;
        }

        // A camera missing from the set stays missing in the oracle's results.
        return _oracle!.Perceive(lease.SetSequence, slab.ArrivedMask, _startOfFrameNs);
    }

    private void WriteBevIfDue(long startOfFrameNs)
    {
        if (_bevDirectory is null || startOfFrameNs < _nextBevNs)
        {
            return;
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        double simTimeS = (startOfFrameNs - _simStartNs) / 1e9;
        string path = Path.Combine(_bevDirectory, FormattableString.Invariant($"bev-{simTimeS:000.00}s.png"));
        string caption = FormattableString.Invariant(
            $"T {simTimeS:0.00} S  {(_perception == PerceptionSource.Model ? "MODEL" : "ORACLE")}  LANES {_snapshot.LaneCount}  TRACKS {_snapshot.Objects.Count}");
        Snapshots.BevPngWriter.Write(path, Builder, caption);
        BevFiles.Add(path);
        _nextBevNs += _bevIntervalNs;
        BevAllocatedBytes += GC.GetAllocatedBytesForCurrentThread() - before;
    }
}
