namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>One expectation's verdict. <paramref name="Message"/> states the rule and the measured value either way.</summary>
public sealed record CheckOutcome(string Name, bool Passed, string Message);
