namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>A fault injected into the world model from <paramref name="FromS"/> (inclusive) to <paramref name="ToS"/> (exclusive).</summary>
public sealed record WorldFault(WorldFaultKind Kind, double FromS, double ToS);
