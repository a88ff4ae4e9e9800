namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>What a scenario says about takeover requests.</summary>
public enum TakeoverExpectation
{
    /// <summary>No takeover request at any time (the default: a comfort pass claims the system coped).</summary>
    Forbidden = 0,

    /// <summary>At least one request, by <see cref="ScenarioExpectations.TakeoverByS"/> when given (beyond ACC authority).</summary>
    Expected = 1,

    /// <summary>Not checked.</summary>
    Any = 2,
}
