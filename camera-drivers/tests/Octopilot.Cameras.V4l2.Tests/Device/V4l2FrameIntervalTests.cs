using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>Frame intervals as rates: fractions turned into frames per second, and matching a mode's rate within 1 %.</summary>
public sealed class V4l2FrameIntervalTests
{
    [Fact]
    public void FromFraction_OneThirtieth_IsThirtyFps()
    {
        V4l2FrameInterval interval = V4l2FrameInterval.FromFraction(1, 30);

        Assert.Equal(30.0, interval.MinFramesPerSecond);
        Assert.Equal(30.0, interval.MaxFramesPerSecond);
    }

    [Fact]
    public void FromFraction_NtscInterval_Is29Point97Fps()
    {
        V4l2FrameInterval interval = V4l2FrameInterval.FromFraction(1001, 30000);

        Assert.Equal(30000.0 / 1001, interval.MaxFramesPerSecond, 9);
    }

    [Fact]
    public void FromFraction_ZeroNumerator_IsZeroRateNotInfinity()
    {
        V4l2FrameInterval interval = V4l2FrameInterval.FromFraction(0, 30);

        Assert.Equal(0.0, interval.MaxFramesPerSecond);
        Assert.False(interval.Allows(30));
    }

    [Theory]
    [InlineData(30.0, true)]
    [InlineData(29.97, true)] // an NTSC-style rate is the same mode
    [InlineData(30.2, true)]
    [InlineData(25.0, false)]
    [InlineData(29.5, false)] // outside 1 %
    [InlineData(60.0, false)]
    public void Allows_DiscreteThirty_MatchesWithinOnePercent(double requested, bool allowed)
    {
        Assert.Equal(allowed, V4l2FrameInterval.FromFraction(1, 30).Allows(requested));
    }

    [Fact]
    public void Allows_NtscListedRate_AcceptsThirtyRequested()
    {
        Assert.True(V4l2FrameInterval.FromFraction(1001, 30000).Allows(30));
    }

    [Theory]
    [InlineData(5.0, true)]
    [InlineData(17.5, true)]
    [InlineData(60.0, true)]
    [InlineData(4.0, false)]
    [InlineData(90.0, false)]
    public void Allows_Range_AnyRateBetweenItsEnds(double requested, bool allowed)
    {
        Assert.Equal(allowed, new V4l2FrameInterval(5, 60).Allows(requested));
    }
}
