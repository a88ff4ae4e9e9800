namespace Octopilot.Planner.Tick.Tests.Infrastructure;

/// <summary>A loop on a <see cref="SteppedClock"/> with a scripted step and a recording observer, started on a known grid.</summary>
internal sealed class LoopHarness : IDisposable
{
    public const long PeriodNs = 10_000_000;
    public const long FirstDeadlineNs = 1_000_000_000;

    public LoopHarness(int capacity = 1024, TickLoopOptions? options = null, long startNs = FirstDeadlineNs - PeriodNs)
    {
        Clock = new SteppedClock(startNs);
        Step = new ScriptedStep(capacity, Clock);
        Observer = new RecordingObserver();
        Loop = new FixedTickLoop(Step, Clock, options ?? new TickLoopOptions { PeriodNs = PeriodNs }, Observer, Log);
    }

    public SteppedClock Clock { get; }

    public ScriptedStep Step { get; }

    public RecordingObserver Observer { get; }

    public StringWriter Log { get; } = new();

    public FixedTickLoop Loop { get; }

    public void Start() => Loop.Start(FirstDeadlineNs);

    /// <summary>Wakes <paramref name="ticks"/> ticks on time, each exactly at its deadline.</summary>
    public void RunOnTime(int ticks)
    {
        for (int i = 0; i < ticks; i++)
        {
            Clock.WakeNextTick();
        }
    }

    /// <summary>Waits until the last woken tick has completed (the loop sleeps again), then reads the statistics.</summary>
    public TickLoopStatistics Settle()
    {
        Clock.WaitForSleeper();
        var statistics = new TickLoopStatistics();
        Loop.ReadStatistics(statistics);
        return statistics;
    }

    public void Dispose() => Loop.Dispose();
}
