using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

public sealed class StepExceptionTests
{
    [Fact]
    public void Tick_StepThrows_CountedReportedAndLoopKeepsTicking()
    {
        using var harness = new LoopHarness();
        harness.Step.Throws(1).Throws(3);
        harness.Start();

        harness.RunOnTime(5);
        TickLoopStatistics statistics = harness.Settle();

        Assert.Equal(5, harness.Step.Calls);
        Assert.Equal(5, statistics.Ticks);
        Assert.Equal(2, statistics.StepExceptions);
        Assert.Equal([1L, 3L], harness.Observer.Failures.Select(failure => failure.TickIndex));
        Assert.All(harness.Observer.Failures, failure => Assert.Equal("scripted step failure", failure.Exception.Message));
        Assert.Equal(0, statistics.MissedTicks);
    }

    [Fact]
    public void Tick_ObserverThrows_CountedAndLoopKeepsTicking()
    {
        var clock = new SteppedClock(startNs: 0);
        var step = new ScriptedStep(8, clock).Throws(0);
        using var loop = new FixedTickLoop(step, clock, new TickLoopOptions { PeriodNs = LoopHarness.PeriodNs }, new ThrowingObserver(), TextWriter.Null);
        loop.Start();

        clock.WakeNextTick();
        clock.WakeNextTick();
        clock.WaitForSleeper();
        var statistics = new TickLoopStatistics();
        loop.ReadStatistics(statistics);

        Assert.Equal(2, statistics.Ticks);
        Assert.Equal(1, statistics.StepExceptions);
        Assert.Equal(1, statistics.ObserverExceptions);
    }

    private sealed class ThrowingObserver : ITickObserver
    {
        public void TicksMissed(in TickContext context, long missedTicks) => throw new InvalidOperationException("observer bug");

        public void DegradedChanged(in TickContext context, bool isDegraded) => throw new InvalidOperationException("observer bug");

        public void StepFailed(in TickContext context, Exception exception) => throw new InvalidOperationException("observer bug");
    }
}
