using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

public sealed class OverrunTests
{
    private const long P = LoopHarness.PeriodNs;
    private const long T0 = LoopHarness.FirstDeadlineNs;

    [Fact]
    public void Tick_StepOverrunsTwoAndAHalfPeriods_SkipsToNextFutureDeadlineWithoutCatchUp()
    {
        using var harness = new LoopHarness();
        harness.Step.TakesNs(call: 2, durationNs: (5 * P) / 2);
        harness.Start();

        harness.RunOnTime(3); // the third tick (deadline T0 + 2P) ends at T0 + 4.5P

        // Deadlines T0 + 3P and T0 + 4P passed while it ran: skipped, not run back to back.
        Assert.Equal(T0 + (5 * P), harness.Clock.WakeNextTick());
        TickLoopStatistics statistics = harness.Settle();

        Assert.Equal(4, harness.Step.Calls);
        Assert.Equal(5, harness.Step[3].TickIndex);
        Assert.Equal(0, harness.Step[3].LatenessNs);
        Assert.Equal(4, statistics.Ticks);
        Assert.Equal(2, statistics.SkippedTicks);
        Assert.Equal(0, statistics.LateTicks);
        Assert.Equal(2, statistics.MissedTicks);
        Assert.Equal([(2L, 2L)], harness.Observer.Missed);
    }

    [Fact]
    public void Tick_StepEndsExactlyOnNextDeadline_NextTickRunsOnTimeWithNothingSkipped()
    {
        using var harness = new LoopHarness();
        harness.Step.TakesNs(call: 0, durationNs: P);
        harness.Start();

        harness.Clock.WakeNextTick();
        // The next deadline equals the end of the step: the sleep returns at once, lateness 0.
        TickLoopStatistics statistics = harness.Settle();

        Assert.Equal(2, harness.Step.Calls);
        Assert.Equal(1, harness.Step[1].TickIndex);
        Assert.Equal(0, harness.Step[1].LatenessNs);
        Assert.Equal(0, statistics.MissedTicks);
    }

    [Fact]
    public void Tick_WakeMoreThanOnePeriodLate_CountedLateAndPassedDeadlinesSkipped()
    {
        using var harness = new LoopHarness();
        harness.Start();
        harness.RunOnTime(1);

        harness.Clock.WakeNextTick(latenessNs: (5 * P) / 2); // the scheduler stalled the thread for 2.5 periods

        Assert.Equal(T0 + (4 * P), harness.Clock.WaitForSleeper());
        TickLoopStatistics statistics = harness.Settle();
        Assert.Equal((5 * P) / 2, harness.Step[1].LatenessNs);
        Assert.Equal(1, statistics.LateTicks);
        Assert.Equal(2, statistics.SkippedTicks);
        Assert.Equal(3, statistics.MissedTicks);
        Assert.Equal((5 * P) / 2, statistics.LatenessNs.MaxNs);
        Assert.Equal([(1L, 3L)], harness.Observer.Missed);
    }

    [Fact]
    public void Tick_WakeLateByLessThanOnePeriod_NotMissed()
    {
        using var harness = new LoopHarness();
        harness.Start();

        harness.Clock.WakeNextTick(latenessNs: P);

        TickLoopStatistics statistics = harness.Settle();
        Assert.Equal(0, statistics.MissedTicks);
        Assert.Empty(harness.Observer.Missed);
    }
}
