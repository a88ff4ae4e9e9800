using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>Collision, gaps, takeovers, lane-change milestones and the S_rear check on synthetic traces.</summary>
public sealed class ScenarioEvaluatorTests
{
    private static ScenarioResult Evaluate(ScenarioTrace trace, ScenarioExpectations expect) =>
        ScenarioEvaluator.Evaluate(Traces.ScenarioWith(expect), trace, Traces.Options);

    [Fact]
    public void Evaluate_GapReachesZero_ReportsCollisionAndFails()
    {
        ScenarioTrace trace = Traces.FromAccel(3, 20, _ => 0, (t, s) => t >= 2 ? s with { ClosestGapM = 0, LeadGapM = 0 } : s);

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(Takeover: TakeoverExpectation.Any));

        Assert.True(result.Figures.Collision);
        Assert.Equal(2.0, result.Figures.CollisionAtS!.Value, 6);
        Assert.Equal("noCollision", Assert.Single(result.Failures).Name);
    }

    [Fact]
    public void Evaluate_VehicleBehindButNotOverlapping_IsNoCollision()
    {
        ScenarioTrace trace = Traces.FromAccel(3, 20, _ => 0, (_, s) => s with { ClosestGapM = 0.05 });

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations());

        Assert.False(result.Figures.Collision);
        Assert.True(result.Passed, string.Join("; ", result.Failures));
    }

    [Fact]
    public void Evaluate_MinTimeGap_IsGapOverSpeedFromTheGivenTime()
    {
        // 20 m/s; gap 30 m (1.5 s) except 10 m (0.5 s) before 1 s: ignored with minTimeGapFromS = 1.
        ScenarioTrace trace = Traces.FromAccel(3, 20, _ => 0, (t, s) => t < 1 ? s with { LeadGapM = 10 } : s);

        ScenarioResult from1 = Evaluate(trace, new ScenarioExpectations(MinTimeGapS: 1.2, MinTimeGapFromS: 1));
        ScenarioResult from0 = Evaluate(trace, new ScenarioExpectations(MinTimeGapS: 1.2));

        Assert.Equal(0.5, from0.Figures.MinTimeGapS!.Value, 6);
        Assert.True(from1.Passed);
        Assert.Equal("minTimeGapS", Assert.Single(from0.Failures).Name);
    }

    [Fact]
    public void Evaluate_LaneChangeStartBelowSRear_FailsRearGapCheck()
    {
        ScenarioTrace trace = LaneChangeTrace(rearGapM: 20, requiredM: 25.5);

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneChange: LaneChangeExpectation.Completed));

        CheckOutcome check = Assert.Single(result.Failures);
        Assert.Equal("rearGapAtStart", check.Name);
        Assert.Equal(20, result.LaneChange.RearGapAtStartM);
        Assert.Equal(-5.5, result.LaneChange.WorstRearMarginM!.Value, 6);
    }

    [Fact]
    public void Evaluate_LaneChangeStartAtSRear_PassesAndReportsMilestones()
    {
        ScenarioTrace trace = LaneChangeTrace(rearGapM: 25.5, requiredM: 25.5);

        ScenarioResult result = Evaluate(trace, new ScenarioExpectations(LaneChange: LaneChangeExpectation.Completed,
            LaneChangeStartNotBeforeS: 2, LaneChangeCompletedByS: 7));

        Assert.True(result.Passed, string.Join("; ", result.Failures));
        Assert.Equal(1.0, result.LaneChange.RequestedAtS!.Value, 6);
        Assert.Equal(2.0, result.LaneChange.StartedAtS!.Value, 6);
        Assert.Equal(6.0, result.LaneChange.CompletedAtS!.Value, 6);
    }

    [Fact]
    public void Evaluate_Takeovers_AreListedWithTimesAndCheckedAgainstTheBound()
    {
        ScenarioTrace trace = Traces.FromAccel(5, 20, _ => 0,
            (t, s) => t is >= 1.5 and < 3 ? s with { Takeover = TakeoverReason.InsufficientAuthority } : s);

        ScenarioResult late = Evaluate(trace, new ScenarioExpectations(Takeover: TakeoverExpectation.Expected, TakeoverByS: 1.0));
        ScenarioResult inTime = Evaluate(trace, new ScenarioExpectations(Takeover: TakeoverExpectation.Expected, TakeoverByS: 1.5));

        TakeoverEvent request = Assert.Single(late.Takeovers);
        Assert.Equal(1.5, request.StartS, 6);
        Assert.Equal(3.0, request.EndS!.Value, 6);
        Assert.Equal("InsufficientAuthority", request.Reason);
        Assert.False(late.Passed);
        Assert.True(inTime.Passed);
    }

    private static ScenarioTrace LaneChangeTrace(double rearGapM, double requiredM) =>
        Traces.FromAccel(8, 25, _ => 0, (t, s) => t switch
        {
            _ when Near(t, 1) => s with { LaneChangeState = LaneChangeState.Requested, LaneChangeTransition = LaneChangeReason.DriverRequested },
            _ when Near(t, 2) => s with
            {
                LaneChangeState = LaneChangeState.Changing, LaneChangeTransition = LaneChangeReason.GapFound, RearGapM = rearGapM,
                RearRequiredGapM = requiredM,
            },
            _ when Near(t, 6) => s with { LaneChangeState = LaneChangeState.Done, LaneChangeTransition = LaneChangeReason.Completed },
            _ => s,
        });

    private static bool Near(double t, double at) => Math.Abs(t - at) < 1e-6;
}
