namespace Octopilot.Planner.Lateral;

/// <summary>
/// What the lateral controller reads on one tick. Plain fields (like <see cref="Inputs.PlannerInputs"/>) so the tick
/// loop fills it in place. Units SI; ego frame ISO 8855.
/// </summary>
public struct LateralInputs
{
    /// <summary>The ego lane's centre line from the world model; <c>default</c> = lanes lost.</summary>
    public LaneCentreLine CentreLine;

    /// <summary>Ego speed over ground, m/s (≥ 0).</summary>
    public double SpeedMps;

    /// <summary>Measured yaw rate, rad/s, positive turning left. Seeds the curvature at engagement and dead-reckons
    /// the last good path while holding.</summary>
    public double YawRateRadps;

    /// <summary>Age of the world model the centre line comes from, s (tick time − snapshot time).</summary>
    public double WorldModelAgeS;

    /// <summary>The world model producer's own verdict (<see cref="Inputs.WorldModelSnapshot.IsValid"/>).</summary>
    public bool WorldModelValid;

    /// <summary>The driver has lateral control engaged. False: no authority, the curvature ramps to 0, a latched
    /// takeover clears (re-engaging is the driver's acknowledgement).</summary>
    public bool Engaged;

    /// <summary>True on the tick a lane change's lateral movement should start (an edge, not a level; ignored while
    /// one is running).</summary>
    public bool LaneChangeStart;

    /// <summary>Lateral offset of the target lane's centre from the current lane's centre, m, positive left
    /// (+lane width for a change to the left). Read only when <see cref="LaneChangeStart"/> is true.</summary>
    public double LaneChangeOffsetM;

    /// <summary>True on the tick the lane change is given up (the planner's procedure aborts or is cancelled): the
    /// trajectory is dropped and the reference returns to the tracked centre line, smoothed by the rate limit.
    /// This is the crude form of an abort; a planned return path is not implemented.</summary>
    public bool LaneChangeCancel;
}
