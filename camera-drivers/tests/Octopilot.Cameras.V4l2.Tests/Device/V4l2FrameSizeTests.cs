using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>Whether one VIDIOC_ENUM_FRAMESIZES answer allows a mode's size: discrete, stepwise, continuous.</summary>
public sealed class V4l2FrameSizeTests
{
    [Theory]
    [InlineData(640, 480, true)]
    [InlineData(640, 360, false)]
    [InlineData(1280, 480, false)]
    public void Allows_Discrete_OnlyThatSize(int width, int height, bool allowed)
    {
        V4l2FrameSize size = V4l2FrameSize.Discrete(640, 480);

        Assert.True(size.IsDiscrete);
        Assert.Equal(allowed, size.Allows(width, height));
    }

    [Theory]
    [InlineData(160, 120, true)] // the minimum
    [InlineData(1920, 1080, true)] // the maximum
    [InlineData(640, 480, true)] // 160 + 30·16, 120 + 45·8
    [InlineData(648, 480, false)] // width off the 16-pixel step
    [InlineData(640, 484, false)] // height off the 8-pixel step
    [InlineData(144, 120, false)] // below the range
    [InlineData(1936, 1080, false)] // above the range, on the step
    public void Allows_Stepwise_SizesOnTheStepsWithinTheRange(int width, int height, bool allowed)
    {
        var size = new V4l2FrameSize(160, 1920, 16, 120, 1080, 8);

        Assert.False(size.IsDiscrete);
        Assert.Equal(allowed, size.Allows(width, height));
    }

    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(641, 479, true)]
    [InlineData(4096, 2160, true)]
    [InlineData(4097, 2160, false)]
    [InlineData(0, 10, false)]
    public void Allows_Continuous_AnySizeWithinTheRange(int width, int height, bool allowed)
    {
        var size = new V4l2FrameSize(1, 4096, 1, 1, 2160, 1);

        Assert.Equal(allowed, size.Allows(width, height));
    }

    [Fact]
    public void ToString_DiscreteAndRange_ReadAsSizes()
    {
        Assert.Equal("640x480", V4l2FrameSize.Discrete(640, 480).ToString());
        Assert.Equal("160..1920 (step 16) x 120..1080 (step 8)", new V4l2FrameSize(160, 1920, 16, 120, 1080, 8).ToString());
    }
}
