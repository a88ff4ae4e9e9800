using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>The suite can fail: a badly tuned controller or a wrong expectation is caught by the checks.</summary>
public sealed class BadControllerTests
{
    [Fact]
    public void Run_SluggishGapControl_FailsSettleOrTimeGap()
    {
        // A gap gain at its floor and a weak relative-speed gain: the ego overshoots into the lead's time gap.
        var sluggish = new PlannerOptions { GapGainPerS2 = 0.01, RelativeSpeedGainPerS = 0.05 };
        ScenarioResult result = ScenarioRunner.Run(ScenarioFile.Load(Suite.PathOf("follow-20mps-medium.json")), sluggish);

        Assert.False(result.Passed);
        Assert.Contains(result.Failures, c => c.Name is "settle" or "minTimeGapS");
    }

    [Fact]
    public void Run_EnvelopeOutsideIso15622_FailsEnvelopeCheck()
    {
        // Planner allowed to brake at 8 m/s² (beyond ISO 15622): the evaluator judges against the standard's limits
        // from the options it is given, so evaluate with the default (ISO) options.
        var harsh = new PlannerOptions { MaxDecelHighSpeedMps2 = 8, MaxDecelLowSpeedMps2 = 8, MaxJerkHighSpeedMps3 = 20, MaxJerkLowSpeedMps3 = 20 };
        Scenario scenario = ScenarioFile.Load(Suite.PathOf("lead-brakes-6mps2-gap12m.json"));
        ScenarioResult result = ScenarioEvaluator.Evaluate(scenario, ScenarioRunner.Simulate(scenario, harsh), new PlannerOptions());

        Assert.Contains(result.Failures, c => c.Name.StartsWith("envelope.", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_WrongExpectation_Fails()
    {
        Scenario scenario = ScenarioFile.Load(Suite.PathOf("lane-change-target-gap-closes.json"));
        Scenario wrong = scenario with { Expect = scenario.Expect with { LaneChange = LaneChangeExpectation.Completed } };

        ScenarioResult result = ScenarioRunner.Run(wrong, new PlannerOptions());

        CheckOutcome check = Assert.Single(result.Failures);
        Assert.Equal("laneChange", check.Name);
        Assert.Contains("must be Completed", check.Message);
    }

    [Fact]
    public void Run_TakeoverForbiddenBeyondAuthority_Fails()
    {
        Scenario scenario = ScenarioFile.Load(Suite.PathOf("approach-stopped-120kph-late.json"));
        Scenario claimsComfort = scenario with { Expect = new ScenarioExpectations() };

        ScenarioResult result = ScenarioRunner.Run(claimsComfort, new PlannerOptions());

        Assert.Contains(result.Failures, c => c.Name == "takeover");
        Assert.Contains(result.Failures, c => c.Name == "noCollision");
    }
}
