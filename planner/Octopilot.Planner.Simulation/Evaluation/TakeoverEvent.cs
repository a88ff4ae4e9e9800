namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>One takeover request, from the tick it was raised to the tick it dropped (null: still up at the end).</summary>
public sealed record TakeoverEvent(double StartS, double? EndS, string Reason);
