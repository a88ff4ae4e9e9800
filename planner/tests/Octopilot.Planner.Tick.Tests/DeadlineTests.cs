using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

public sealed class DeadlineTests
{
    private const long P = LoopHarness.PeriodNs;
    private const long T0 = LoopHarness.FirstDeadlineNs;

    [Fact]
    public void Tick_LateWakeUps_DeadlinesStayOnTheAbsoluteGrid()
    {
        using var harness = new LoopHarness();
        harness.Start();
        long[] latenessNs = [0, 3_000_000, 0, 7_000_000, 1];

        for (int i = 0; i < latenessNs.Length; i++)
        {
            long deadlineNs = harness.Clock.WakeNextTick(latenessNs[i]);
            Assert.Equal(T0 + (i * P), deadlineNs);
        }

        // A late wake-up never pushes the grid: the next sleep is still first deadline + 5 periods.
        Assert.Equal(T0 + (5 * P), harness.Clock.WaitForSleeper());
        for (int i = 0; i < latenessNs.Length; i++)
        {
            TickContext context = harness.Step[i];
            Assert.Equal(i, context.TickIndex);
            Assert.Equal(T0 + (i * P), context.DeadlineNs);
            Assert.Equal(context.DeadlineNs + latenessNs[i], context.WakeNs);
            Assert.Equal(latenessNs[i], context.LatenessNs);
            Assert.Equal(P, context.PeriodNs);
        }
    }

    [Fact]
    public void Start_WithoutFirstDeadline_FirstTickOnePeriodAfterStart()
    {
        var clock = new SteppedClock(startNs: 5_000);
        var step = new ScriptedStep(8, clock);
        using var loop = new FixedTickLoop(step, clock, new TickLoopOptions { PeriodNs = P }, NullTickObserver.Instance, TextWriter.Null);
        loop.Start();

        Assert.Equal(5_000 + P, clock.WaitForSleeper());
    }

    [Fact]
    public void ReadStatistics_KnownLateness_HistogramHoldsEveryTick()
    {
        using var harness = new LoopHarness();
        harness.Start();
        long[] latenessNs = [0, 2_000_000, 4_000_000, 1_000_000, 9_000_000];
        foreach (long lateness in latenessNs)
        {
            harness.Clock.WakeNextTick(lateness);
        }

        TickLoopStatistics statistics = harness.Settle();

        Assert.Equal(5, statistics.Ticks);
        Assert.Equal(5, statistics.LatenessNs.Count);
        Assert.Equal(16_000_000, statistics.LatenessNs.SumNs);
        Assert.Equal(9_000_000, statistics.LatenessNs.MaxNs);
        // p50 is the 3rd of 5 sorted values (2 ms), reported as its bucket's upper edge: within 1/16 above.
        long p50 = statistics.LatenessNs.PercentileNs(50);
        Assert.InRange(p50, 2_000_000, 2_000_000 * 17 / 16);
        Assert.Equal(0, statistics.MissedTicks);
        Assert.Equal(5, statistics.StepDurationNs.Count);
        Assert.Equal(0, statistics.StepDurationNs.MaxNs); // the virtual clock does not move during these steps
    }
}
