using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Tests.Interop;

/// <summary>Errno names for messages, and which errors mean the device is gone rather than refusing one request.</summary>
public sealed class ErrnoTests
{
    [Fact]
    public void Describe_Enodev_NamesTheSymbolAndTheCLibraryText()
    {
        string text = Errno.Describe(19);

        Assert.StartsWith("ENODEV (", text, StringComparison.Ordinal);
        Assert.Contains("No such device", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_UnnamedErrno_ShowsTheNumber()
    {
        Assert.StartsWith("errno 21 (", Errno.Describe(21), StringComparison.Ordinal); // EISDIR: not in the driver's table
    }

    [Theory]
    [InlineData(19, true)] // ENODEV: unplugged
    [InlineData(6, true)] // ENXIO: driver unbound
    [InlineData(2, true)] // ENOENT: node removed
    [InlineData(5, false)] // EIO: a transfer failed, the device is still there
    [InlineData(11, false)] // EAGAIN: no buffer ready yet
    [InlineData(22, false)] // EINVAL
    [InlineData(25, false)] // ENOTTY
    public void MeansDeviceGone_Errno_TrueOnlyForDeviceLoss(int errno, bool gone)
    {
        Assert.Equal(gone, Errno.MeansDeviceGone(errno));
    }
}
