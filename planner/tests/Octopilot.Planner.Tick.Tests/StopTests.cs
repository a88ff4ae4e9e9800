using Octopilot.Core.Time;
using Octopilot.Planner.Tick.Tests.Infrastructure;

namespace Octopilot.Planner.Tick.Tests;

public sealed class StopTests
{
    /// <summary>Liveness only: a stop that hangs fails the test. "Prompt" means the sleep is cut short, not waited out.</summary>
    private static readonly TimeSpan StopLiveness = TimeSpan.FromSeconds(20);

    private static readonly long HourNs = TickLoopOptions.MaxPeriodNs;

    [Fact]
    public void Stop_VirtualClockSleepingForAnHour_ReturnsWithoutTimeMoving()
    {
        var clock = new SteppedClock(startNs: 0);
        var step = new ScriptedStep(4, clock);
        var loop = new FixedTickLoop(step, clock, new TickLoopOptions { PeriodNs = HourNs }, NullTickObserver.Instance, TextWriter.Null);
        loop.Start();
        clock.WaitForSleeper();

        Assert.True(ReturnsWithin(loop.Dispose, StopLiveness), "Stop did not return");
        var statistics = new TickLoopStatistics();
        loop.ReadStatistics(statistics);

        Assert.True(statistics.HasEnded);
        Assert.Equal(0, statistics.Ticks);
        Assert.Equal(0, clock.NowNs);
    }

    [Fact]
    public void Stop_MonotonicClockSleepingForAnHour_Returns()
    {
        var step = new ScriptedStep(4);
        var loop = new FixedTickLoop(step, MonotonicClock.Instance, new TickLoopOptions { PeriodNs = HourNs }, NullTickObserver.Instance, TextWriter.Null);
        loop.Start();
        Thread.Sleep(100); // let it reach the sleep; not a timing assertion

        Assert.True(ReturnsWithin(loop.Dispose, StopLiveness), "Stop did not return");
        Assert.Equal(0, step.Calls);
    }

    [Fact]
    public void Stop_CalledFromTheStep_EndsAfterThatTick()
    {
        var clock = new SteppedClock(startNs: 0);
        var step = new StoppingStep();
        using var loop = new FixedTickLoop(step, clock, new TickLoopOptions { PeriodNs = LoopHarness.PeriodNs }, NullTickObserver.Instance, TextWriter.Null);
        step.Loop = loop;
        loop.Start();

        clock.WakeNextTick();

        var statistics = new TickLoopStatistics();
        DateTime giveUpUtc = DateTime.UtcNow + StopLiveness;
        loop.ReadStatistics(statistics);
        while (!statistics.HasEnded && DateTime.UtcNow < giveUpUtc)
        {
            Thread.Sleep(1);
            loop.ReadStatistics(statistics);
        }

        Assert.True(statistics.HasEnded);
        Assert.Equal(1, statistics.Ticks);
    }

    [Fact]
    public void Start_Twice_Throws()
    {
        using var loop = new FixedTickLoop(new ScriptedStep(1), new SteppedClock(), new TickLoopOptions(), NullTickObserver.Instance, TextWriter.Null);
        loop.Start();

        InvalidOperationException error = Assert.Throws<InvalidOperationException>(() => loop.Start());
        Assert.Contains("already started", error.Message);
    }

    /// <summary>Runs <paramref name="action"/> on its own thread and waits at most <paramref name="liveness"/> for it.</summary>
    private static bool ReturnsWithin(Action action, TimeSpan liveness)
    {
        var thread = new Thread(() => action()) { IsBackground = true };
        thread.Start();
        return thread.Join(liveness);
    }

    private sealed class StoppingStep : ITickStep
    {
        public FixedTickLoop? Loop { get; set; }

        public void Tick(in TickContext context) => Loop!.Stop();
    }
}
