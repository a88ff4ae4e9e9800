namespace Octopilot.Fusion.Objects;

/// <summary>
/// What <see cref="DetectionProjector"/> did with one camera's detections (or all cameras' for the total), since
/// construction. Plain counters for the status line; written only by the projector's thread, so a reader on another
/// thread may see a value a set old.
/// </summary>
public sealed class ProjectionCounters
{
    /// <summary>Detections that became a measurement (added to the output or dropped for capacity).</summary>
    public long Projected { get; internal set; }

    /// <summary>Detections whose ground-contact point is at or above the horizon (no ground in front).</summary>
    public long RejectedAboveHorizon { get; internal set; }

    /// <summary>Detections whose ground-contact point is beyond <see cref="DetectionProjectorOptions.MaxRangeM"/>.</summary>
    public long RejectedOutOfRange { get; internal set; }

    /// <summary>
    /// Detections whose box is on the left or right image border and cannot be placed: a sliver, no usable depth, a
    /// footprint fit that did not converge, or one whose near side misses the box's bottom row.
    /// </summary>
    public long RejectedTruncated { get; internal set; }

    /// <summary>
    /// Projected without depth (not finite or ≤ 0) and without a footprint fitted to the box's bottom row (a cut bottom
    /// or side, or the fit did not converge): contact point pushed back by half the class length.
    /// </summary>
    public long DepthFallbacks { get; internal set; }

    /// <summary>
    /// Ranged by the footprint fitted to the box's bottom row: the depth of a detection without one, or weighed with a noisy
    /// one (<see cref="DetectionProjectorOptions.DepthNoiseFraction"/>).
    /// </summary>
    public long ContactFits { get; internal set; }

    /// <summary>Projected with the depth ignored because it put the centre nearer than the ground contact allows.</summary>
    public long InconsistentDepths { get; internal set; }

    /// <summary>Projected with the box-centre bearing because the footprint fit failed or moved too far.</summary>
    public long FitsSkipped { get; internal set; }

    /// <summary>Projected but left out of the output because the list was full (the farthest are left out).</summary>
    public long DroppedForCapacity { get; internal set; }

    internal void Clear()
    {
        Projected = RejectedAboveHorizon = RejectedOutOfRange = RejectedTruncated = DepthFallbacks = ContactFits = InconsistentDepths = FitsSkipped = DroppedForCapacity = 0;
    }

    internal void Add(ProjectionCounters other)
    {
        Projected += other.Projected;
        RejectedAboveHorizon += other.RejectedAboveHorizon;
        RejectedOutOfRange += other.RejectedOutOfRange;
        RejectedTruncated += other.RejectedTruncated;
        DepthFallbacks += other.DepthFallbacks;
        ContactFits += other.ContactFits;
        InconsistentDepths += other.InconsistentDepths;
        FitsSkipped += other.FitsSkipped;
        DroppedForCapacity += other.DroppedForCapacity;
    }
}
