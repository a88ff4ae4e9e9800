namespace Octopilot.Planner.Lateral;

/// <summary>The lateral request of one tick plus what a log needs to explain it. Never NaN or ±Inf.</summary>
public readonly struct LateralOutput
{
    /// <summary>Requested path curvature, 1/m, positive left. Rate-limited on every tick (also when holding or
    /// releasing): |Δκ| ≤ κ̇_max(v)·dt. The steering angle for a kinematic car is atan(wheelbase·κ).</summary>
    public double CurvaturePerM { get; init; }

    public LateralAuthority Authority { get; init; }

    /// <summary>The driver must take over steering (hold expired, or the road needs more than the limits allow).</summary>
    public bool TakeoverRequested { get; init; }

    /// <summary>The highest-priority rejection or limit of this tick; <see cref="LateralReason.None"/> when clean.</summary>
    public LateralReason Reason { get; init; }

    /// <summary>Look-ahead distance used by the law, m.</summary>
    public double LookAheadM { get; init; }

    /// <summary>The lane-change trajectory's current lateral offset from the tracked centre line, m, positive left.</summary>
    public double LateralTargetOffsetM { get; init; }

    /// <summary>Lane-change time progress 0..1; 0 when none is running.</summary>
    public double LaneChangeProgress { get; init; }

    public bool LaneChangeActive { get; init; }
}
