namespace Octopilot.Planner.Outputs;

/// <summary>Alerts for the driver interface. Flags: several can be raised on one tick.</summary>
[Flags]
public enum PlannerAlerts : byte
{
    None = 0,

    /// <summary>The driver must take over; <see cref="PlannerOutput.TakeoverReason"/> says why.</summary>
    TakeoverRequest = 1,

    /// <summary>A lane-change request was refused or cancelled this tick (the transition reason says why).</summary>
    LaneChangeUnavailable = 2,

    /// <summary>This tick's inputs were rejected; <see cref="PlannerOutput.Fault"/> says which rule broke.</summary>
    InputFault = 4,
}
