using Octopilot.Core.Time;
using Octopilot.Replay.Playback.Realtime;
using Octopilot.Replay.Tests.Infrastructure;

namespace Octopilot.Replay.Tests.Playback.Realtime;

/// <summary>The replay clock maps drive time onto the wall clock at a speed, exactly at 1x.</summary>
public sealed class DriveTimeClockTests
{
    [Fact]
    public void NowNs_AtUnitSpeed_IsTheWallClockShiftedByAWholeNumberOfNs()
    {
        var wall = new VirtualClock(1_000);
        var clock = new DriveTimeClock(wall, driveOriginNs: 7_777_777_777, wallOriginNs: 2_000, speed: 1);

        wall.AdvanceTo(123_456_789_123);

        Assert.Equal(7_777_777_777 + 123_456_789_123 - 2_000, clock.NowNs);
        Assert.Equal(123_456_789_123, clock.ToWallNs(clock.NowNs));
    }

    [Theory]
    [InlineData(2.0)]
    [InlineData(0.5)]
    [InlineData(3.7)]
    public void ToWallNs_IsTheFirstWallTimeAtWhichTheDriveTimeIsDue(double speed)
    {
        var clock = new DriveTimeClock(new VirtualClock(0), driveOriginNs: 5_000_000_000, wallOriginNs: 1_000, speed);

        for (long driveNs = 5_000_000_000; driveNs < 5_000_000_000 + 400_000_000; driveNs += 66_666_667)
        {
            long wallNs = clock.ToWallNs(driveNs);
            Assert.True(clock.ToDriveNs(wallNs) >= driveNs, $"drive {driveNs} not due at its wall time {wallNs}");
            Assert.True(clock.ToDriveNs(wallNs - 1) < driveNs, $"drive {driveNs} already due before its wall time {wallNs}");
        }
    }

    [Fact]
    public void SleepUntil_AtTwiceRealTime_WakesWhenTheWallClockReachesHalfTheDriveDistance()
    {
        var wall = new VirtualClock(0);
        var clock = new DriveTimeClock(wall, driveOriginNs: 10_000, wallOriginNs: 0, speed: 2);

        var sleep = new ThreadCall<bool>(() => clock.SleepUntil(10_000 + 2_000_000, CancellationToken.None));
        wall.AdvanceTo(999_999);
        Assert.False(sleep.Returned(100));
        wall.AdvanceTo(1_000_000);

        Assert.True(sleep.Returned(5_000));
        Assert.True(sleep.Result);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(1001.0)]
    [InlineData(double.NaN)]
    public void Constructor_SpeedOutOfRange_ThrowsNamingTheRange(double speed)
    {
        ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(() => new DriveTimeClock(new VirtualClock(0), 0, 0, speed));

        Assert.Contains("(0, 1000]", e.Message, StringComparison.Ordinal);
    }
}
