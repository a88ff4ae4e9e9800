namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>Every tick of one run, in time order, sampled every <paramref name="TickS"/> from t = 0.</summary>
public sealed record ScenarioTrace(double TickS, IReadOnlyList<TraceSample> Samples);
