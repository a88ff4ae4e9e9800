namespace Octopilot.Fusion.Tracking;

/// <summary>Life cycle of a track. Transitions and their reasons: <see cref="ObjectTracker"/>.</summary>
public enum TrackState : byte
{
    /// <summary>Born from an unassigned measurement; not reported to the planner until confirmed.</summary>
    Tentative = 0,

    /// <summary>Seen in at least M of the last N sets; reported.</summary>
    Confirmed = 1,

    /// <summary>Ended in this update (misses, covariance growth or never confirmed); reported once, then its slot is reused.</summary>
    Deleted = 2,
}
