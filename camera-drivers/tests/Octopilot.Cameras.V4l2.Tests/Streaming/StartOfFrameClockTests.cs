using Octopilot.Cameras.V4l2.Interop.Linux.Libc;
using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Tests.Streaming;

/// <summary>A driver's buffer timestamp turned into the start of frame on the runtime's clock.</summary>
public sealed class StartOfFrameClockTests
{
    private const long PeriodNs = 33_333_333;
    private const long DriverStampNs = 5_000_000_000;
    private const long DequeuedAtNs = 5_004_000_000;

    [Fact]
    public void StartOfFrameNs_MonotonicEndOfFrameStamp_IsOnePeriodEarlier()
    {
        var clock = new StartOfFrameClock(PeriodNs, clockOffsetNs: 0);

        long start = clock.StartOfFrameNs(DriverStampNs, Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC, DequeuedAtNs);

        Assert.Equal(DriverStampNs - PeriodNs, start);
        Assert.False(clock.UsedFallback);
    }

    [Fact]
    public void StartOfFrameNs_MonotonicStartOfExposureStamp_IsUnchanged()
    {
        var clock = new StartOfFrameClock(PeriodNs, clockOffsetNs: 0);
        uint flags = Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC | Videodev2.V4L2_BUF_FLAG_TSTAMP_SRC_SOE;

        Assert.Equal(DriverStampNs, clock.StartOfFrameNs(DriverStampNs, flags, DequeuedAtNs));
        Assert.False(clock.UsedFallback);
    }

    [Fact]
    public void StartOfFrameNs_OtherBufferFlags_DoNotChangeTheStamp()
    {
        var clock = new StartOfFrameClock(PeriodNs, clockOffsetNs: 0);
        uint flags = Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC | Videodev2.V4L2_BUF_FLAG_DONE | Videodev2.V4L2_BUF_FLAG_QUEUED;

        Assert.Equal(DriverStampNs - PeriodNs, clock.StartOfFrameNs(DriverStampNs, flags, DequeuedAtNs));
    }

    [Theory]
    [InlineData(0x0000u)] // V4L2_BUF_FLAG_TIMESTAMP_UNKNOWN
    [InlineData(0x4000u)] // V4L2_BUF_FLAG_TIMESTAMP_COPY
    [InlineData(0x4000u | 0x10000u)] // a copied stamp, even flagged start-of-exposure
    public void StartOfFrameNs_NonMonotonicStamp_IsDequeueTimeMinusAPeriodAndReportsFallback(uint flags)
    {
        var clock = new StartOfFrameClock(PeriodNs, clockOffsetNs: 0);

        long start = clock.StartOfFrameNs(DriverStampNs, flags, DequeuedAtNs);

        Assert.Equal(DequeuedAtNs - PeriodNs, start);
        Assert.True(clock.UsedFallback);
    }

    [Fact]
    public void UsedFallback_AfterOneNonMonotonicBuffer_StaysTrue()
    {
        var clock = new StartOfFrameClock(PeriodNs, clockOffsetNs: 0);
        clock.StartOfFrameNs(DriverStampNs, 0, DequeuedAtNs);

        clock.StartOfFrameNs(DriverStampNs, Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC, DequeuedAtNs);

        Assert.True(clock.UsedFallback);
    }

    [Theory]
    [InlineData(1_000_000L)]
    [InlineData(-4_000_000_000L)]
    public void StartOfFrameNs_ClockOffset_IsAddedToTheDriverStamp(long offsetNs)
    {
        var clock = new StartOfFrameClock(PeriodNs, offsetNs);

        Assert.Equal(DriverStampNs + offsetNs - PeriodNs, clock.StartOfFrameNs(DriverStampNs, Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC, DequeuedAtNs));
        uint soe = Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC | Videodev2.V4L2_BUF_FLAG_TSTAMP_SRC_SOE;
        Assert.Equal(DriverStampNs + offsetNs, clock.StartOfFrameNs(DriverStampNs, soe, DequeuedAtNs));
    }

    [Fact]
    public void StartOfFrameNs_FallbackWithClockOffset_UsesTheDequeueTimeAsIs()
    {
        // The dequeue time is already read from the runtime's clock: the offset is for driver stamps only.
        var clock = new StartOfFrameClock(PeriodNs, clockOffsetNs: 7_000_000);

        Assert.Equal(DequeuedAtNs - PeriodNs, clock.StartOfFrameNs(DriverStampNs, 0, DequeuedAtNs));
    }
}
