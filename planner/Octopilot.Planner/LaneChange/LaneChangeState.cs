namespace Octopilot.Planner.LaneChange;

/// <summary>
/// Lane-change procedure states. Happy path: Idle → Requested → WaitingForGap → (SeekingGap) → Changing → Done → Idle.
/// Every transition is a row of <see cref="LaneChangeTransitions"/>.
/// </summary>
public enum LaneChangeState : byte
{
    /// <summary>No procedure.</summary>
    Idle = 0,

    /// <summary>The driver asked; the procedure has started (its clock runs); preconditions are checked next tick.</summary>
    Requested = 1,

    /// <summary>Preconditions hold; waiting for clearance in the target lane and the R79 rear gap. No lateral movement.</summary>
    WaitingForGap = 2,

    /// <summary>No clearance within <see cref="PlannerOptions.GapSeekAfterS"/>: speed is adjusted to reach a gap.</summary>
    SeekingGap = 3,

    /// <summary>Lateral manoeuvre under way along the quintic path.</summary>
    Changing = 4,

    /// <summary>Lateral manoeuvre back to the original lane centre.</summary>
    Aborting = 5,

    /// <summary>Arrived in the target lane. Back to Idle when the driver releases the request.</summary>
    Done = 6,

    /// <summary>Refused, cancelled or aborted. Back to Idle when the driver releases the request (no re-trigger loop).</summary>
    Cancelled = 7,
}
