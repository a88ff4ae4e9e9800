using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Tick_SteadyState_AllocatesNothingOnTheTickThread()
    {
        const int warmupTicks = 20;
        const int measuredTicks = 300;
        var options = new TickLoopOptions { PeriodNs = LoopHarness.PeriodNs, WarmupTicks = warmupTicks };
        using var harness = new LoopHarness(capacity: 16, options: options);
        harness.Start();
        var statistics = new TickLoopStatistics();

        for (int i = 0; i < warmupTicks + measuredTicks; i++)
        {
            // Odd lateness spreads values over many histogram buckets; reading statistics concurrently exercises the lock.
            harness.Clock.WakeNextTick(latenessNs: (i * 7_919L) % LoopHarness.PeriodNs);
            harness.Loop.ReadStatistics(statistics);
        }

        statistics = harness.Settle();

        Assert.Equal(measuredTicks, statistics.SteadyStateTicks);
        Assert.Equal(0, statistics.SteadyStateAllocatedBytes);
    }

    [Fact]
    public void ReadStatistics_IntoExistingSnapshot_AllocatesNothing()
    {
        using var harness = new LoopHarness();
        harness.Start();
        harness.RunOnTime(3);
        TickLoopStatistics statistics = harness.Settle();
        harness.Loop.ReadStatistics(statistics);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            harness.Loop.ReadStatistics(statistics);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
