using System.Diagnostics;
using Octopilot.Core.Time;

namespace Octopilot.Core.Tests.Time;

/// <summary>
/// Real CLOCK_MONOTONIC. Only lower bounds are asserted: the test machine is shared, so a sleep may wake
/// arbitrarily late, but never early.
/// </summary>
public class MonotonicClockTests
{
    private static readonly MonotonicClock Clock = MonotonicClock.Instance;

    [Fact]
    public void NowNs_ReadRepeatedly_NeverGoesBackwards()
    {
        long previous = Clock.NowNs;
        for (int i = 0; i < 100_000; i++)
        {
            long now = Clock.NowNs;
            Assert.True(now >= previous, $"clock went back from {previous} to {now} ns");
            previous = now;
        }
    }

    [Fact]
    public void NowNs_AcrossASleep_AdvancesAtLeastAsMuchAsStopwatch()
    {
        // Stopwatch reads CLOCK_MONOTONIC on Linux too: an independent reading of the same clock.
        long startNs = Clock.NowNs;
        var stopwatch = Stopwatch.StartNew();
        Thread.Sleep(20);
        stopwatch.Stop();

        long elapsedNs = Clock.NowNs - startNs;

        Assert.True(elapsedNs >= (long)stopwatch.Elapsed.TotalNanoseconds - 1_000,
            $"clock advanced {elapsedNs} ns while the stopwatch saw {stopwatch.Elapsed.TotalNanoseconds} ns");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(30)]
    [InlineData(120)] // longer than one cancellation slice (50 ms)
    public void SleepUntil_FutureDeadline_ReturnsTrueNotBeforeDeadline(int sleepMs)
    {
        // Stopwatch first: however long this thread is preempted in between, the stopwatch can only see more.
        var stopwatch = Stopwatch.StartNew();
        long deadlineNs = Clock.NowNs + TimeUnits.MsToNs(sleepMs);

        bool slept = Clock.SleepUntil(deadlineNs, CancellationToken.None);

        long wokeNs = Clock.NowNs;
        Assert.True(slept);
        Assert.True(wokeNs >= deadlineNs, $"woke {deadlineNs - wokeNs} ns early");

        // 1 µs slack: Elapsed truncates to 100 ns ticks.
        Assert.True(stopwatch.Elapsed.TotalMilliseconds >= sleepMs - 0.001, $"stopwatch saw only {stopwatch.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public void SleepUntil_DeadlineInThePast_ReturnsTrue()
    {
        Assert.True(Clock.SleepUntil(Clock.NowNs - TimeUnits.NsPerSecond, CancellationToken.None));
    }

    [Fact]
    public void SleepUntil_AlreadyCancelled_ReturnsFalse()
    {
        Assert.False(Clock.SleepUntil(Clock.NowNs + TimeUnits.NsPerSecond, new CancellationToken(canceled: true)));
    }

    [Fact]
    public void SleepUntil_CancelledDuringLongSleep_ReturnsFalse()
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        long deadlineNs = Clock.NowNs + (3600 * TimeUnits.NsPerSecond);

        // The hour-long deadline is never reached: the sleep can only end through the cancellation.
        bool slept = Clock.SleepUntil(deadlineNs, cancel.Token);

        Assert.False(slept);
        Assert.True(Clock.NowNs < deadlineNs);
    }
}
