using Octopilot.Core.Time;

namespace Octopilot.Planner.Tick.Tests;

/// <summary>The real clock, functional checks only: this machine is shared, so no upper bound on any timing.</summary>
public sealed class MonotonicClockTests
{
    private static readonly TimeSpan Liveness = TimeSpan.FromSeconds(30);

    [Fact]
    public void Tick_MonotonicClock_TicksHappenInOrderWithNonNegativeLateness()
    {
        const int ticks = 25;
        var step = new CountingStep(ticks);
        var loop = new FixedTickLoop(step, MonotonicClock.Instance, new TickLoopOptions { PeriodNs = 2_000_000, WarmupTicks = 5 }, NullTickObserver.Instance, TextWriter.Null);
        loop.Start();

        Assert.True(step.Done.Wait(Liveness), $"only {step.Calls} ticks within {Liveness}");
        loop.Dispose();
        var statistics = new TickLoopStatistics();
        loop.ReadStatistics(statistics);

        Assert.True(statistics.Ticks >= ticks);
        Assert.Equal(statistics.Ticks, statistics.LatenessNs.Count);
        Assert.NotEqual(RealtimeGrant.Pending, statistics.Realtime.Fifo);
        for (int i = 0; i < ticks; i++)
        {
            TickContext context = step.Contexts[i];
            Assert.True(context.LatenessNs >= 0, $"tick {i} woke {context.LatenessNs} ns before its deadline");
            Assert.Equal(0, (context.DeadlineNs - step.Contexts[0].DeadlineNs) % 2_000_000); // on the grid
            Assert.True(i == 0 || context.TickIndex > step.Contexts[i - 1].TickIndex);
        }
    }

    private sealed class CountingStep(int capacity) : ITickStep
    {
        private int _calls;

        public TickContext[] Contexts { get; } = new TickContext[capacity];

        public ManualResetEventSlim Done { get; } = new();

        public int Calls => Volatile.Read(ref _calls);

        public void Tick(in TickContext context)
        {
            if (_calls < Contexts.Length)
            {
                Contexts[_calls] = context;
            }

            if (Interlocked.Increment(ref _calls) == Contexts.Length)
            {
                Done.Set();
            }
        }
    }
}
