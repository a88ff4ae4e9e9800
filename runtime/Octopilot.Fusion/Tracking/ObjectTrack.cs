namespace Octopilot.Fusion.Tracking;

/// <summary>
/// One track as reported after an update, in the ego frame of that update's set (ISO 8855). The velocity is over
/// ground in ego axes (what the planner's TrackedObject wants); <see cref="RelativeVxMps"/> and
/// <see cref="RelativeVyMps"/> are the velocity seen from the moving, turning ego frame (what a range-rate sensor sees).
/// Covariance terms are of the Kalman state (x, y, vx, vy).
/// </summary>
public readonly struct ObjectTrack
{
    /// <summary>Positive, unique over the tracker's life (never reused, so a consumer can key on it).</summary>
    public int Id { get; init; }

    public TrackState State { get; init; }

    /// <summary>Footprint centre, m forward of the ego rear axle.</summary>
    public double XM { get; init; }

    /// <summary>Footprint centre, m left of the ego rear axle.</summary>
    public double YM { get; init; }

    /// <summary>Velocity over ground along ego x, m/s.</summary>
    public double VxMps { get; init; }

    /// <summary>Velocity over ground along ego y, m/s.</summary>
    public double VyMps { get; init; }

    /// <summary>Velocity relative to the ego frame along x, m/s: v − v_ego − ω × r.</summary>
    public double RelativeVxMps { get; init; }

    /// <summary>Velocity relative to the ego frame along y, m/s.</summary>
    public double RelativeVyMps { get; init; }

    public double VarXM2 { get; init; }

    public double VarYM2 { get; init; }

    public double CovXYM2 { get; init; }

    public double VarVxM2ps2 { get; init; }

    public double VarVyM2ps2 { get; init; }

    /// <summary>Last measured footprint length, m (0 when never given).</summary>
    public double LengthM { get; init; }

    /// <summary>Last measured footprint width, m (0 when never given).</summary>
    public double WidthM { get; init; }

    /// <summary>Last measured class (0 = unknown).</summary>
    public int ClassId { get; init; }

    /// <summary>Sets since birth, counting the birth set as 1.</summary>
    public int AgeSets { get; init; }

    /// <summary>Measurements assigned over the track's life.</summary>
    public int Hits { get; init; }

    /// <summary>Consecutive sets without a measurement (0 after a hit).</summary>
    public int ConsecutiveMisses { get; init; }
}
