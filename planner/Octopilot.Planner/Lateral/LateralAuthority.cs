namespace Octopilot.Planner.Lateral;

/// <summary>How much the lateral controller is steering on this tick.</summary>
public enum LateralAuthority : byte
{
    /// <summary>No lateral authority: the curvature request ramps to 0 at the rate limit; the EPS should release.</summary>
    None = 0,

    /// <summary>Tracking the current centre line (or a lane change on it).</summary>
    Active = 1,

    /// <summary>Inputs are unusable: tracking the last good path, dead-reckoned with speed and yaw rate, for at most
    /// <see cref="LateralOptions.HoldS"/>; then <see cref="None"/> with a takeover request.</summary>
    Holding = 2,
}
