namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>How a requested lane change must end.</summary>
public enum LaneChangeExpectation
{
    /// <summary>The lateral manoeuvre completes (Done).</summary>
    Completed = 0,

    /// <summary>Lateral movement never starts.</summary>
    NeverStarted = 1,

    /// <summary>Lateral movement starts and is aborted back to the own lane.</summary>
    Aborted = 2,
}
