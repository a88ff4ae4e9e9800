using Octopilot.Core.Calibration;
using Octopilot.Fusion.Bev;
using Octopilot.Fusion.Lanes;
using Octopilot.Fusion.Objects;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Perception;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.WorldModel;

/// <summary>
/// One frame set's perception → the planner's <see cref="WorldModelSnapshot"/>, on the inference thread:
/// BEV fusion of lanes and drivable → lane fit → sector coverage → detections to ego-frame measurements (each camera
/// compensated to the set's reference time) → tracker → confirmed tracks, nearest first, each assigned to a fitted
/// lane. The snapshot is stamped with the set's reference time (its newest start of frame) and says per side whether
/// the cameras covered it. Everything is allocated in the constructor; <see cref="Update"/> allocates nothing.
/// Single-threaded: one builder per inference thread. The stages' results stay readable until the next update
/// (<see cref="Layers"/>, <see cref="Lanes"/>, <see cref="Tracker"/>, <see cref="Coverage"/>): the BEV pictures use them.
/// </summary>
public sealed class WorldModelBuilder
{
    private readonly WorldModelOptions _options;
    private readonly BevFusion _fusion;
    private readonly LaneFitter _laneFitter;
    private readonly int[] _order = new int[ObjectTrackerOptions.MaxTracks];
    private ObjectMeasurementList _measurements;
    private (int LaneCount, int EgoLaneIndex, double EgoLateralOffsetM, double LaneWidthM, LaneMarking Left, LaneMarking Right) _lastLanes;
    private LaneCentreLine _lastCentreLine;
    private long _lastLanesNs = long.MinValue;

    /// <param name="rig">The rig in batch order, scaled to the perception input size.</param>
    /// <param name="table">The BEV lookup table built from the same rig.</param>
    /// <param name="classNames">The perception's class list (detections carry indices into it).</param>
    /// <param name="options">Stage settings; validated here.</param>
    public WorldModelBuilder(CameraRig rig, BevLookupTable table, IReadOnlyList<string> classNames, WorldModelOptions options)
    {
        options.Validate();
        _options = options;
        _fusion = new BevFusion(table);
        Layers = _fusion.CreateLayers();
        _laneFitter = new LaneFitter(table.Grid, options.LaneFit);
        Lanes = _laneFitter.CreateEstimate();
        Projector = new DetectionProjector(rig, classNames, options.Projector);
        Tracker = new ObjectTracker(options.Tracker);
        Coverage = new SectorCoverage(table);
    }

    public BevLookupTable Table => _fusion.Table;

    /// <summary>The fused BEV of the last update.</summary>
    public BevLayers Layers { get; }

    /// <summary>The lanes fitted in the last update.</summary>
    public LaneEstimate Lanes { get; }

    public DetectionProjector Projector { get; }

    public ObjectTracker Tracker { get; }

    /// <summary>Camera coverage per sector in the last update.</summary>
    public SectorCoverage Coverage { get; }

    /// <summary>Frame sets turned into snapshots.</summary>
    public long Sets { get; private set; }

    /// <summary>Sets with no camera present: published as invalid.</summary>
    public long SetsWithoutCameras { get; private set; }

    /// <summary>Sets in which no lanes with the ego inside could be fitted: lanes held, or one lane of the fallback width.</summary>
    public long SetsWithoutLanes { get; private set; }

    /// <summary>Sets without a fit whose lanes were held from the last good fit (<see cref="WorldModelOptions.LaneHoldS"/>).</summary>
    public long LanesHeldSets { get; private set; }

    /// <summary>True when the last snapshot's lanes come from this set's fit (false: held or fallback).</summary>
    public bool LanesFromFit { get; private set; }

    /// <summary>Reference time of the last set, ns (its newest start of frame).</summary>
    public long LastReferenceTimeNs { get; private set; }

    /// <summary>
    /// Runs every stage on <paramref name="set"/> and writes the snapshot into <paramref name="output"/> (overwritten
    /// whole). <paramref name="ego"/> is the ego's motion at capture time (wheel speed, yaw rate).
    /// </summary>
    public void Update(PerceptionFrameSet set, in EgoMotion ego, ref WorldModelSnapshot output)
    {
        Sets++;
        output = default;
        if (!TryReferenceTime(set, out long referenceNs))
        {
            SetsWithoutCameras++;
            output.TimestampNs = LastReferenceTimeNs;
            output.IsValid = false;
            output.LaneCount = 1;
            output.LaneWidthM = _options.FallbackLaneWidthM;
            return;
        }

        LastReferenceTimeNs = referenceNs;
        _fusion.Fuse(set, Layers);
        _laneFitter.Fit(Layers, Lanes);
        Coverage.Update(Layers);
        Projector.Project(set, referenceNs, ego, ref _measurements);
        Tracker.Update(_measurements, ego);

        output.TimestampNs = referenceNs;
        output.IsValid = true;
        WriteLanes(ref output);
        WriteHealth(ref output);
        WriteObjects(ref output);
    }

    private static bool TryReferenceTime(PerceptionFrameSet set, out long referenceNs)
    {
        referenceNs = long.MinValue;
        for (int c = 0; c < set.Cameras.Count; c++)
        {
            CameraPerception camera = set.Cameras[c];
            if (camera.FramePresent && camera.StartOfFrameNs > referenceNs)
            {
                referenceNs = camera.StartOfFrameNs;
            }
        }

        return referenceNs != long.MinValue;
    }

    private void WriteLanes(ref WorldModelSnapshot output)
    {
        // Usable lanes need the ego inside one of them: lanes found only beside the car say nothing about ours.
        if (Lanes.IsValid && Lanes.EgoLaneIndex >= 0)
        {
            output.LaneCount = Lanes.LaneCount;
            output.EgoLaneIndex = Lanes.EgoLaneIndex;
            output.EgoLateralOffsetM = Lanes.EgoLateralOffsetM;
            output.LaneWidthM = Lanes.EgoLaneWidthM;
            output.EgoCentreLine = EgoCentreLine(Lanes);
            output.EgoLeftBoundaryMarking = BoundaryMarkings.ToPlanner(Lanes.Boundary(Lanes.EgoLaneIndex));
            output.EgoRightBoundaryMarking = BoundaryMarkings.ToPlanner(Lanes.Boundary(Lanes.EgoLaneIndex + 1));
            _lastCentreLine = output.EgoCentreLine;
            _lastLanes = (output.LaneCount, output.EgoLaneIndex, output.EgoLateralOffsetM, output.LaneWidthM, output.EgoLeftBoundaryMarking, output.EgoRightBoundaryMarking);
            _lastLanesNs = output.TimestampNs;
            LanesFromFit = true;
            return;
        }

        SetsWithoutLanes++;
        LanesFromFit = false;
        if (_lastLanesNs != long.MinValue && output.TimestampNs - _lastLanesNs <= (long)(_options.LaneHoldS * 1e9))
        {
            // A set or two without a fit (markings worn, occluded, a dash gap everywhere): keep the last lanes briefly.
            LanesHeldSets++;
            output.LaneCount = _lastLanes.LaneCount;
            output.EgoLaneIndex = _lastLanes.EgoLaneIndex;
            output.EgoLateralOffsetM = _lastLanes.EgoLateralOffsetM;
            output.LaneWidthM = _lastLanes.LaneWidthM;
            output.EgoCentreLine = _lastCentreLine;
            output.EgoLeftBoundaryMarking = _lastLanes.Left;
            output.EgoRightBoundaryMarking = _lastLanes.Right;
            return;
        }

        output.LaneCount = 1;
        output.EgoLaneIndex = 0;
        output.EgoLateralOffsetM = 0;
        output.LaneWidthM = _options.FallbackLaneWidthM;
        output.EgoCentreLine = default; // lanes lost: the lateral controller holds, then hands back
    }

    /// <summary>The ego lane's centre: the mean of its two boundary polynomials, with the fit's confidence.</summary>
    private static LaneCentreLine EgoCentreLine(LaneEstimate lanes)
    {
        LaneBoundary left = lanes.Boundary(lanes.EgoLaneIndex);
        LaneBoundary right = lanes.Boundary(lanes.EgoLaneIndex + 1);
        return new LaneCentreLine(0.5 * (left.C0 + right.C0), 0.5 * (left.C1 + right.C1), 0.5 * (left.C2 + right.C2),
            0.5 * (left.C3 + right.C3), lanes.Confidence);
    }

    private void WriteHealth(ref WorldModelSnapshot output)
    {
        float healthy = _options.SectorHealthyFraction;
        output.FrontCamerasHealthy = Coverage.CoveredFraction(CoverageSector.Front) >= healthy;
        output.LeftCamerasHealthy = Coverage.CoveredFraction(CoverageSector.FrontLeft) >= healthy
            && Coverage.CoveredFraction(CoverageSector.Left) >= healthy
            && Coverage.CoveredFraction(CoverageSector.RearLeft) >= healthy;
        output.RightCamerasHealthy = Coverage.CoveredFraction(CoverageSector.FrontRight) >= healthy
            && Coverage.CoveredFraction(CoverageSector.Right) >= healthy
            && Coverage.CoveredFraction(CoverageSector.RearRight) >= healthy;
    }

    // Confirmed tracks, nearest first (insertion sort over at most 64 indices: no allocation), so a full list drops the farthest.
    private void WriteObjects(ref WorldModelSnapshot output)
    {
        ReadOnlySpan<ObjectTrack> tracks = Tracker.Tracks;
        int count = 0;
        for (int i = 0; i < tracks.Length; i++)
        {
            if (tracks[i].State != TrackState.Confirmed)
            {
                continue;
            }

            double distance = Math.Abs(tracks[i].XM);
            int at = count++;
            while (at > 0 && Math.Abs(tracks[_order[at - 1]].XM) > distance)
            {
                _order[at] = _order[at - 1];
                at--;
            }

            _order[at] = i;
        }

        for (int k = 0; k < count; k++)
        {
            ref readonly ObjectTrack track = ref tracks[_order[k]];
            int lane = LanesFromFit ? Lanes.LaneIndexAt(track.XM, track.YM) : TrackedObject.UnknownLane;
            var item = new TrackedObject
            {
                Id = track.Id,
                XM = track.XM,
                YM = track.YM,
                VxMps = track.VxMps,
                VyMps = track.VyMps,
                LengthM = track.LengthM,
                WidthM = track.WidthM,
                LaneIndex = lane >= 0 && lane < output.LaneCount ? lane : TrackedObject.UnknownLane,
            };
            if (!output.Objects.TryAdd(item))
            {
                break;
            }
        }
    }
}
