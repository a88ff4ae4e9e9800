namespace Octopilot.Planner.Tick.Tests;

public sealed class TickLoopOptionsTests
{
    [Fact]
    public void Defaults_HundredHertzNoRealtimeRequests()
    {
        var options = new TickLoopOptions();

        Assert.Equal(10_000_000, options.PeriodNs);
        Assert.Equal(100.0, options.RateHz, precision: 9);
        Assert.Null(options.FifoPriority);
        Assert.Null(options.CpuCore);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(99_999)]
    [InlineData(3_600_000_000_001)]
    public void PeriodNs_OutOfRange_ThrowsWithValue(long periodNs)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new TickLoopOptions { PeriodNs = periodNs });
        Assert.Contains($"got {periodNs} ns", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100)]
    public void FifoPriority_OutOfRange_Throws(int priority) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickLoopOptions { FifoPriority = priority });

    [Theory]
    [InlineData(-1)]
    [InlineData(1024)]
    public void CpuCore_OutOfRange_Throws(int core) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickLoopOptions { CpuCore = core });

    [Fact]
    public void Hysteresis_ZeroTicks_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickLoopOptions { DegradedAfterBadTicks = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickLoopOptions { RecoveredAfterGoodTicks = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new TickLoopOptions { WarmupTicks = -1 });
    }
}
