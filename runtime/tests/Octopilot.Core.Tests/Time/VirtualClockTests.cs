using Octopilot.Core.Time;

namespace Octopilot.Core.Tests.Time;

public class VirtualClockTests
{
    /// <summary>Liveness bound only (a hung sleeper must fail the test, not hang it); never a timing assertion.</summary>
    private static readonly TimeSpan HangTimeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void SleepUntil_AdvancedPastDeadline_WakesAndReturnsTrue()
    {
        var clock = new VirtualClock(startNs: 1_000);
        using var sleeper = new Sleeper(clock, deadlineNs: 5_000, CancellationToken.None);

        clock.AdvanceTo(4_999);
        Assert.False(sleeper.Finished.Wait(TimeSpan.FromMilliseconds(100)), "woke before the deadline");

        clock.AdvanceTo(6_000);

        Assert.True(sleeper.Finished.Wait(HangTimeout), "did not wake after the deadline passed");
        Assert.True(sleeper.Result);
        Assert.True(sleeper.WokeAtNs >= 5_000);
    }

    [Fact]
    public void SleepUntil_DeadlineAlreadyPassed_ReturnsTrueAtOnce()
    {
        var clock = new VirtualClock(startNs: 10_000);

        Assert.True(clock.SleepUntil(10_000, CancellationToken.None));
        Assert.True(clock.SleepUntil(-5, CancellationToken.None));
    }

    [Fact]
    public void SleepUntil_CancelledWhileSleeping_ReturnsFalse()
    {
        var clock = new VirtualClock();
        using var cancel = new CancellationTokenSource();
        using var sleeper = new Sleeper(clock, deadlineNs: 1_000_000, cancel.Token);

        cancel.Cancel();

        Assert.True(sleeper.Finished.Wait(HangTimeout), "did not see the cancellation");
        Assert.False(sleeper.Result);
        Assert.Equal(0, clock.NowNs);
    }

    [Fact]
    public void SleepUntil_AlreadyCancelled_ReturnsFalse()
    {
        var clock = new VirtualClock();

        Assert.False(clock.SleepUntil(100, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void AdvanceTo_Backwards_ThrowsAndKeepsTime()
    {
        var clock = new VirtualClock(startNs: 500);

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => clock.AdvanceTo(499));

        Assert.Contains("must not go backwards", e.Message, StringComparison.Ordinal);
        Assert.Equal(500, clock.NowNs);
    }

    [Fact]
    public void Advance_NegativeDelta_Throws()
    {
        var clock = new VirtualClock(startNs: 500);

        Assert.Throws<ArgumentOutOfRangeException>(() => clock.Advance(-1));
    }

    [Fact]
    public void Advance_Delta_MovesTimeByDelta()
    {
        var clock = new VirtualClock(startNs: 500);

        clock.Advance(250);
        clock.AdvanceTo(750);

        Assert.Equal(750, clock.NowNs);
    }

    /// <summary>Runs one SleepUntil on its own thread, as a tick loop would.</summary>
    private sealed class Sleeper : IDisposable
    {
        private readonly Thread _thread;

        public Sleeper(IClock clock, long deadlineNs, CancellationToken cancellationToken)
        {
            _thread = new Thread(() =>
            {
                Result = clock.SleepUntil(deadlineNs, cancellationToken);
                WokeAtNs = clock.NowNs;
                Finished.Set();
            }) { IsBackground = true, Name = "virtual-clock-sleeper" };
            _thread.Start();
        }

        public ManualResetEventSlim Finished { get; } = new();

        public bool Result { get; private set; }

        public long WokeAtNs { get; private set; }

        public void Dispose() => Finished.Dispose();
    }
}
