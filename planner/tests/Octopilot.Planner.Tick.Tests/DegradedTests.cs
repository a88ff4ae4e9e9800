using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

public sealed class DegradedTests
{
    private const long P = LoopHarness.PeriodNs;

    [Fact]
    public void Tick_ConsecutiveOverrunsThenGoodTicks_DegradedRaisedAndClearedWithHysteresis()
    {
        var options = new TickLoopOptions { PeriodNs = P, DegradedAfterBadTicks = 3, RecoveredAfterGoodTicks = 4 };
        using var harness = new LoopHarness(options: options);
        // Calls 0..2 overrun by 1.5 periods (each skips one deadline); call 3 good; call 4 overruns (resets the
        // good count); calls 5..8 good.
        foreach (int call in new[] { 0, 1, 2, 4 })
        {
            harness.Step.TakesNs(call, (3 * P) / 2);
        }

        harness.Start();

        harness.RunOnTime(2);
        Assert.False(harness.Settle().IsDegraded); // two bad ticks: below the threshold
        harness.RunOnTime(1);
        Assert.True(harness.Settle().IsDegraded);  // the third in a row raises it
        harness.RunOnTime(1);
        harness.RunOnTime(1);                      // bad again: recovery starts over
        harness.RunOnTime(3);
        Assert.True(harness.Settle().IsDegraded);  // three good ticks are not enough
        harness.RunOnTime(1);
        TickLoopStatistics statistics = harness.Settle();

        Assert.False(statistics.IsDegraded);       // the fourth clears it
        Assert.Equal(1, statistics.DegradedEpisodes);
        Assert.Equal([true, false], harness.Observer.DegradedChanges.Select(change => change.IsDegraded));
        Assert.Equal(4, statistics.SkippedTicks);
    }
}
