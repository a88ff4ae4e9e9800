namespace Octopilot.Fusion.Tracking;

/// <summary>
/// Multi-object tracker for ego-frame detections: one constant-velocity Kalman filter per track
/// (<see cref="ConstantVelocityFilter"/>, which documents the ego-motion model), duplicate merging, χ² gating,
/// global-nearest-neighbour assignment, and an M-of-N life cycle. Fixed capacity
/// (<see cref="ObjectTrackerOptions.MaxTracks"/> tracks, <see cref="ObjectMeasurementList.Capacity"/> measurements),
/// all arrays allocated in the constructor: <see cref="Update"/> allocates nothing.
/// <para>
/// Per set: reject the set if its stamp does not increase; predict every track by dt into the new ego frame; drop
/// non-finite measurements (counted); merge measurements closer than the merge distance (two cameras, one car);
/// gate track/measurement pairs on the squared Mahalanobis distance; assign cheapest-first; update, count misses, birth
/// tentative tracks from what is left; report.
/// </para>
/// <para>
/// Life cycle, each transition with its reason: born Tentative from an unassigned measurement. Tentative → Confirmed when
/// hit in M of the last N sets (enough evidence it is not clutter). Tentative → Deleted after
/// <see cref="ObjectTrackerOptions.TentativeMissesToDelete"/> consecutive misses or N sets without confirmation
/// (clutter). Confirmed → Deleted after <see cref="ObjectTrackerOptions.ConfirmedMissesToDelete"/> consecutive misses
/// (left the view; shorter gaps coast on the prediction). Any → Deleted when the position σ passes
/// <see cref="ObjectTrackerOptions.MaxPositionSigmaM"/> (it would gate anything). A Deleted track is reported in the
/// update that deletes it and its slot is free for the next.
/// </para>
/// <para>Single-threaded: one caller (the inference thread) owns the instance.</para>
/// </summary>
public sealed partial class ObjectTracker
{
    private const double NsPerS = 1e9;

    private readonly ObjectTrackerOptions _options;
    private readonly TrackSlot[] _slots = new TrackSlot[ObjectTrackerOptions.MaxTracks];
    private readonly ObjectTrack[] _output = new ObjectTrack[ObjectTrackerOptions.MaxTracks];
    private int _outputCount;
    private long _lastTimestampNs;
    private bool _hasTimestamp;
    private int _nextId = 1;

    public ObjectTracker(ObjectTrackerOptions options)
    {
        options.Validate();
        _options = options;
    }

    public ObjectTrackerOptions Options => _options;

    /// <summary>
    /// Tracks after the last accepted update, in slot order: tentative, confirmed, and those deleted by that update.
    /// Owned by the tracker; the span is valid until the next <see cref="Update"/>.
    /// </summary>
    public ReadOnlySpan<ObjectTrack> Tracks => _output.AsSpan(0, _outputCount);

    /// <summary>Measurements dropped for a NaN or infinite coordinate, since construction.</summary>
    public long RejectedNonFiniteMeasurements { get; private set; }

    /// <summary>Measurements folded into another as a duplicate from an overlapping camera, since construction.</summary>
    public long MergedMeasurements { get; private set; }

    /// <summary>Sets refused because their stamp did not increase, since construction.</summary>
    public long RejectedSets { get; private set; }

    /// <summary>Births refused because all track slots were in use, since construction.</summary>
    public long RefusedBirths { get; private set; }

    /// <summary>Gaps longer than <see cref="ObjectTrackerOptions.MaxGapS"/> that dropped every track, since construction.</summary>
    public long GapResets { get; private set; }

    /// <summary>Sets whose ego motion was not finite and was taken as stationary, since construction.</summary>
    public long NonFiniteEgoMotions { get; private set; }

    /// <summary>
    /// Runs one frame set. Returns false, changing nothing, when the set's stamp is not after the previous set's
    /// (a replayed or reordered set); <see cref="Tracks"/> then still holds the previous result.
    /// </summary>
    public bool Update(in ObjectMeasurementList measurements, in EgoMotion ego)
    {
        long timestampNs = measurements.TimestampNs;
        double dtS = 0;
        if (_hasTimestamp)
        {
            if (timestampNs <= _lastTimestampNs)
            {
                RejectedSets++;
                return false;
            }

            dtS = (timestampNs - _lastTimestampNs) / NsPerS;
        }

        _lastTimestampNs = timestampNs;
        _hasTimestamp = true;

        EgoMotion motion = ego;
        if (!motion.IsFinite)
        {
            NonFiniteEgoMotions++;
            motion = EgoMotion.Stationary;
        }

        if (dtS > _options.MaxGapS)
        {
            GapResets++;
            Array.Clear(_slots);
        }

        PredictAll(dtS, motion);
        int measurementCount = PrepareMeasurements(measurements.AsSpan());
        Associate(measurementCount);
        ApplyAssignments(measurementCount);
        BirthFromUnassigned(measurementCount, motion);
        WriteOutput(motion);
        return true;
    }

    private void PredictAll(double dtS, in EgoMotion ego)
    {
        if (dtS <= 0)
        {
            return;
        }

        for (int i = 0; i < _slots.Length; i++)
        {
            ref TrackSlot slot = ref _slots[i];
            if (slot.Live)
            {
                slot.Filter.Predict(dtS, ego.SpeedMps, ego.YawRateRadps, _options.AccelSpectralDensityM2ps3);
            }
        }
    }

    // Copies live tracks out, then frees the slots of those deleted in this update (reported once).
    private void WriteOutput(in EgoMotion ego)
    {
        int count = 0;
        for (int i = 0; i < _slots.Length; i++)
        {
            ref TrackSlot slot = ref _slots[i];
            if (!slot.Live)
            {
                continue;
            }

            ref readonly ConstantVelocityFilter f = ref slot.Filter;
            _output[count++] = new ObjectTrack
            {
                Id = slot.Id,
                State = slot.State,
                XM = f.X,
                YM = f.Y,
                VxMps = f.Vx,
                VyMps = f.Vy,
                // Relative velocity in the rotating ego frame: v − v_ego − ω × r, ω × r = (−ω·y, ω·x).
                RelativeVxMps = f.Vx - ego.SpeedMps + (ego.YawRateRadps * f.Y),
                RelativeVyMps = f.Vy - (ego.YawRateRadps * f.X),
                VarXM2 = f.P[0],
                VarYM2 = f.P[5],
                CovXYM2 = f.P[1],
                VarVxM2ps2 = f.P[10],
                VarVyM2ps2 = f.P[15],
                LengthM = slot.LengthM,
                WidthM = slot.WidthM,
                ClassId = slot.ClassId,
                AgeSets = slot.AgeSets,
                Hits = slot.Hits,
                ConsecutiveMisses = slot.ConsecutiveMisses,
            };

            if (slot.State == TrackState.Deleted)
            {
                slot = default;
            }
        }

        _outputCount = count;
    }
}
