namespace Octopilot.Planner.LaneChange;

/// <summary>Why the lane-change state changed. Reported in <see cref="Outputs.PlannerOutput.LaneChangeTransition"/>.</summary>
public enum LaneChangeReason : byte
{
    /// <summary>No transition this tick.</summary>
    None = 0,

    /// <summary>Turn signal or lane-change request switched on.</summary>
    DriverRequested = 1,

    /// <summary>Speed, target lane, side cameras and world model all allow a lane change.</summary>
    PreconditionsMet = 2,

    /// <summary>Target lane clear for <see cref="PlannerOptions.TargetLaneClearanceM"/> ahead, no one alongside,
    /// rear gap ≥ S_rear, and at least <see cref="PlannerOptions.MinTimeBeforeLateralS"/> since the start.</summary>
    GapFound = 3,

    /// <summary>No gap within <see cref="PlannerOptions.GapSeekAfterS"/>: adjust speed to make one.</summary>
    NoGapWithinWait = 4,

    /// <summary>Lateral manoeuvre finished.</summary>
    Completed = 5,

    /// <summary>The driver switched the request off or to the other side.</summary>
    DriverCancelled = 6,

    /// <summary>Ego speed below <see cref="PlannerOptions.LaneChangeMinSpeedMps"/>.</summary>
    BelowMinSpeed = 7,

    /// <summary>There is no lane on the requested side.</summary>
    NoTargetLane = 8,

    /// <summary>The cameras covering the requested side are not healthy.</summary>
    CamerasUnhealthy = 9,

    /// <summary>World model stale, invalid or rejected as bad input.</summary>
    WorldModelUnusable = 10,

    /// <summary>Lateral movement did not start within <see cref="PlannerOptions.LaneChangeCancelAfterS"/>.</summary>
    NotStartedInTime = 11,

    /// <summary>The target gap closed (rear gap &lt; S_rear, or a vehicle ahead/alongside too close) before the line was crossed.</summary>
    TargetGapClosed = 12,

    /// <summary>Back at the original lane centre after an abort.</summary>
    AbortCompleted = 13,

    /// <summary>The driver released the turn signal/request after Done or Cancelled.</summary>
    RequestReleased = 14,

    /// <summary>The system was disengaged.</summary>
    Disengaged = 15,

    /// <summary>
    /// The boundary between the ego lane and the target lane is a solid line (<see cref="Inputs.LaneMarking.Solid"/>):
    /// a lane change is not started across it. Checked until lateral movement starts; a change under way goes on.
    /// </summary>
    SolidBoundary = 16,
}
