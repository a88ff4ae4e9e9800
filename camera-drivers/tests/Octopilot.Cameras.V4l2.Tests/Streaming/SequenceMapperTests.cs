using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Tests.Streaming;

/// <summary>The driver's 32-bit sequence numbers mapped onto the camera's frame numbers, across gaps, wraps and reopens.</summary>
public sealed class SequenceMapperTests
{
    private const long PeriodNs = 33_333_333;

    [Fact]
    public void Next_FirstFrame_IsZeroWhateverTheDriverNumber()
    {
        var mapper = default(SequenceMapper);

        Assert.Equal(0, mapper.Next(4711, 1_000_000_000, PeriodNs));
    }

    [Fact]
    public void Next_ConsecutiveDriverNumbers_AdvanceByOne()
    {
        var mapper = default(SequenceMapper);
        long t = 1_000_000_000;

        long[] sequences = [mapper.Next(100, t, PeriodNs), mapper.Next(101, t + PeriodNs, PeriodNs), mapper.Next(102, t + (2 * PeriodNs), PeriodNs)];

        Assert.Equal([0L, 1L, 2L], sequences);
    }

    [Fact]
    public void Next_DriverGapOfThree_AdvancesByThree()
    {
        var mapper = default(SequenceMapper);
        mapper.Next(10, 0, PeriodNs);
        mapper.Next(11, PeriodNs, PeriodNs);

        Assert.Equal(4, mapper.Next(14, 4 * PeriodNs, PeriodNs)); // driver dropped 12 and 13
    }

    [Fact]
    public void Next_DriverNumberWrapsFromMaxToZero_AdvancesByOne()
    {
        var mapper = default(SequenceMapper);
        mapper.Next(0xFFFF_FFFE, 0, PeriodNs);
        mapper.Next(0xFFFF_FFFF, PeriodNs, PeriodNs);

        Assert.Equal(2, mapper.Next(0, 2 * PeriodNs, PeriodNs));
        Assert.Equal(3, mapper.Next(1, 3 * PeriodNs, PeriodNs));
    }

    [Fact]
    public void Next_RepeatedDriverNumber_StillAdvancesByAtLeastOne()
    {
        var mapper = default(SequenceMapper);
        mapper.Next(7, 0, PeriodNs);

        long second = mapper.Next(7, PeriodNs, PeriodNs);
        long third = mapper.Next(7, 2 * PeriodNs, PeriodNs);

        Assert.Equal(1, second);
        Assert.Equal(2, third);
    }

    [Fact]
    public void Next_AfterRestart_PlacesTheFrameByTimeNotByTheDriverNumber()
    {
        var mapper = default(SequenceMapper);
        long t = 1_000_000_000;
        mapper.Next(500, t, PeriodNs);
        mapper.Next(501, t + PeriodNs, PeriodNs); // 1

        mapper.Restart(); // reopened: the driver counts from 0 again
        long afterReopen = mapper.Next(0, t + PeriodNs + (10 * PeriodNs), PeriodNs);
        long following = mapper.Next(1, t + (12 * PeriodNs), PeriodNs);

        Assert.Equal(11, afterReopen); // 10 periods after frame 1
        Assert.Equal(12, following); // back to the driver's numbers
    }

    [Fact]
    public void Next_AfterRestartWithSlightlyLateFrame_RoundsToTheNearestPeriod()
    {
        var mapper = default(SequenceMapper);
        mapper.Next(3, 0, PeriodNs);
        mapper.Restart();

        Assert.Equal(10, mapper.Next(0, (10 * PeriodNs) + (PeriodNs / 3), PeriodNs));
    }

    [Fact]
    public void Next_AfterRestartWithinOnePeriod_StillAdvancesByOne()
    {
        var mapper = default(SequenceMapper);
        mapper.Next(3, 1_000_000_000, PeriodNs);
        mapper.Restart();

        Assert.Equal(1, mapper.Next(0, 1_000_000_000 + 1_000, PeriodNs));
    }

    [Fact]
    public void Next_RestartBeforeTheFirstFrame_FirstFrameIsStillZero()
    {
        var mapper = default(SequenceMapper);
        mapper.Restart();

        Assert.Equal(0, mapper.Next(9, 5_000_000_000, PeriodNs));
        Assert.Equal(1, mapper.Next(10, 5_000_000_000 + PeriodNs, PeriodNs));
    }
}
