using Octopilot.Core.Time;

namespace Octopilot.Cameras.V4l2.Tests.Camera;

/// <summary>The camera's constructor refuses options it could not stream or recover with, naming the camera.</summary>
public sealed class V4l2CameraOptionsValidationTests
{
    private static V4l2CameraOptions Options => new() { DevicePath = "/dev/video0" };

    [Theory]
    [InlineData(1)] // streaming needs one buffer being filled while another is read
    [InlineData(0)]
    [InlineData(33)]
    public void Constructor_BufferCountOutOfRange_ThrowsNamingCameraAndCount(int count)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new V4l2Camera("front", Options with { BufferCount = count }, MonotonicClock.Instance));

        Assert.Contains("front", e.Message, StringComparison.Ordinal);
        Assert.Contains($"got {count}", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(32)]
    public void Constructor_BufferCountAtTheBounds_IsAccepted(int count)
    {
        using var camera = new V4l2Camera("front", Options with { BufferCount = count }, MonotonicClock.Instance);

        Assert.Equal("front", camera.Name);
        Assert.Equal(0, camera.BufferCount); // nothing requested before Open
    }

    public static TheoryData<long, long, int> BadRecovery() => new()
    {
        { 0, 2_000_000_000, 3 }, // no back-off: a gone device would be reopened in a spin
        { -1, 2_000_000_000, 3 },
        { 500_000_000, 100_000_000, 3 }, // max below initial
        { 100_000_000, 2_000_000_000, 0 }, // never counts a stall
    };

    [Theory]
    [MemberData(nameof(BadRecovery))]
    public void Constructor_BadBackoffOrStallCount_ThrowsNamingTheCamera(long initialNs, long maxNs, int timeoutsBeforeRestart)
    {
        V4l2CameraOptions options = Options with { ReopenBackoffInitialNs = initialNs, ReopenBackoffMaxNs = maxNs, TimeoutsBeforeRestart = timeoutsBeforeRestart };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new V4l2Camera("rear", options, MonotonicClock.Instance));

        Assert.Contains("rear", e.Message, StringComparison.Ordinal);
        Assert.Contains("back-off", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Constructor_BlankDevicePath_Throws(string path)
    {
        Assert.ThrowsAny<ArgumentException>(() => new V4l2Camera("front", Options with { DevicePath = path }, MonotonicClock.Instance));
    }
}
