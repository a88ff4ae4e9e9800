namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>What a <see cref="WorldFault"/> does to the snapshot the planner gets.</summary>
public enum WorldFaultKind
{
    /// <summary>The producer stops: the last snapshot (and its timestamp) is delivered again, so it ages.</summary>
    Stale = 0,

    /// <summary>The producer marks the snapshot invalid.</summary>
    Invalid = 1,

    FrontCamerasUnhealthy = 2,
    LeftCamerasUnhealthy = 3,
    RightCamerasUnhealthy = 4,

    /// <summary>The nearest object's x position is NaN (bad input).</summary>
    NonFiniteObject = 5,

    /// <summary>No lane found: the ego centre line is absent (worn markings, glare, a construction zone).</summary>
    LanesLost = 6,

    /// <summary>The ego centre line's coefficients are NaN (bad input).</summary>
    NonFiniteLane = 7,

    /// <summary>The ego centre line is shifted 1 m to the left: a fit that latched onto the wrong marking.</summary>
    LaneJump = 8,
}
