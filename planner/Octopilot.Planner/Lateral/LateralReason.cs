namespace Octopilot.Planner.Lateral;

/// <summary>
/// Why a tick's input or request was rejected or limited; each is counted in <see cref="LateralState.Count"/>.
/// Ordered by priority: when several apply the lowest non-zero value is reported.
/// </summary>
public enum LateralReason : byte
{
    None = 0,

    /// <summary>A centre-line coefficient, the confidence, the speed, the yaw rate or the lane-change offset was NaN/±Inf.</summary>
    NonFiniteInput = 1,

    /// <summary>The world model is marked invalid, or older than <see cref="LateralOptions.StaleAfterS"/>.</summary>
    WorldModelStale = 2,

    /// <summary>No ego lane in the world model.</summary>
    LaneLost = 3,

    /// <summary>Centre-line confidence below <see cref="LateralOptions.MinConfidence"/>.</summary>
    LowConfidence = 4,

    /// <summary>The centre line at the look-ahead point moved more than <see cref="LateralOptions.MaxJumpM"/> since the
    /// previous tick (and is not the lane re-assignment of a running lane change).</summary>
    LaneJump = 5,

    /// <summary>The law asked for more curvature than κ_max(v) = min(a_max / v², κ_abs); the request was clamped.</summary>
    CurvatureLimited = 6,

    /// <summary>A lane change was refused: offset outside 1..5 m, or no quintic within 5 s meets the limits.</summary>
    LaneChangeRefused = 7,
}
