using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Perception;
using Octopilot.Planner.Simulation.Running;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation;

/// <summary>
/// Runs a scenario closed-loop against the planner on virtual time and judges it. No console output, no wall clock:
/// the same scenario and options always give the same result (the planner step is deterministic).
/// </summary>
public static class ScenarioRunner
{
    /// <summary>Simulates and evaluates. Throws <see cref="ArgumentOutOfRangeException"/> when <paramref name="options"/> is invalid.</summary>
    public static ScenarioResult Run(Scenario scenario, PlannerOptions options) =>
        ScenarioEvaluator.Evaluate(scenario, Simulate(scenario, options), options);

    /// <summary>
    /// Simulates with the planner fed by <paramref name="source"/> (e.g. the camera and BEV path) instead of ground truth,
    /// and evaluates with the same checks: the evaluator always judges the true positions.
    /// </summary>
    public static ScenarioResult Run(Scenario scenario, PlannerOptions options, IWorldModelSource source) =>
        ScenarioEvaluator.Evaluate(scenario, Simulate(scenario, options, source), options);

    /// <summary>The closed loop alone: one sample per planner tick (<see cref="PlannerOptions.TickPeriodS"/>) over the scenario's duration.</summary>
    public static ScenarioTrace Simulate(Scenario scenario, PlannerOptions options, IWorldModelSource? source = null)
    {
        options.Validate();
        var loop = new ClosedLoop(scenario, options, source ?? new GroundTruthWorldModel());
        return loop.Run();
    }
}
