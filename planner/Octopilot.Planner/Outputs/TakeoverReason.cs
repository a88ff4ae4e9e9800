namespace Octopilot.Planner.Outputs;

/// <summary>Why a takeover request is raised. Ordered by priority: a lower value wins when several apply.</summary>
public enum TakeoverReason : byte
{
    None = 0,

    /// <summary>An input field was NaN/Inf, out of range or inconsistent (see <see cref="PlannerOutput.Fault"/>).</summary>
    BadInput = 1,

    /// <summary>The world model producer marked the snapshot invalid.</summary>
    WorldModelInvalid = 2,

    /// <summary>The world model is older than <see cref="PlannerOptions.StaleAfterS"/>.</summary>
    WorldModelStale = 3,

    /// <summary>The forward cameras are not healthy: the lead cannot be trusted.</summary>
    FrontCamerasUnhealthy = 4,

    /// <summary>Keeping the gap needs more deceleration than the ISO 15622 envelope allows (see the takeover rule).</summary>
    InsufficientAuthority = 5,

    /// <summary>The lateral controller hands steering back: its lane input stayed unusable beyond the hold, or the curve
    /// needs more lateral acceleration than ISO 11270 allows (<see cref="PlannerOutput.LateralReason"/> says which).</summary>
    LateralUnavailable = 6,
}
