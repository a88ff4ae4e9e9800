using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Tests.Device;

/// <summary>
/// A node that opens but is not a V4L2 device (/dev/null answers every ioctl with ENOTTY): the real ioctl path runs,
/// the set-up calls throw naming the request, the enumerations that drivers may leave out come back empty, and the
/// streaming calls return the errno instead of throwing.
/// </summary>
public sealed class V4l2DeviceNotV4l2NodeTests : IDisposable
{
    private readonly V4l2Device _device = V4l2Device.Open("/dev/null");

    public void Dispose() => _device.Dispose();

    [Fact]
    public void QueryCapabilities_DevNull_ThrowsNamingTheRequestAndEnotty()
    {
        V4l2Exception e = Assert.Throws<V4l2Exception>(_device.QueryCapabilities);

        Assert.Equal("VIDIOC_QUERYCAP", e.Request);
        Assert.Equal(Errno.ENOTTY, e.ErrorNumber);
        Assert.Contains("VIDIOC_QUERYCAP on /dev/null failed", e.Message, StringComparison.Ordinal);
        Assert.Contains("ENOTTY", e.Message, StringComparison.Ordinal);
        Assert.Contains("not a V4L2 device", e.Message, StringComparison.Ordinal);
        Assert.False(e.DeviceGone);
    }

    [Fact]
    public void EnumerateFormats_DevNull_ThrowsNamingTheRequest()
    {
        V4l2Exception e = Assert.Throws<V4l2Exception>(_device.EnumerateFormats);

        Assert.Equal("VIDIOC_ENUM_FMT", e.Request);
        Assert.Equal(Errno.ENOTTY, e.ErrorNumber);
    }

    [Fact]
    public void EnumerateFrameSizesAndIntervals_NodeWithoutTheIoctls_ReturnEmpty()
    {
        Assert.Empty(_device.EnumerateFrameSizes(V4l2FourCc.Yuyv));
        Assert.Empty(_device.EnumerateFrameIntervals(V4l2FourCc.Yuyv, 640, 480));
    }

    [Fact]
    public void SetFrameRate_NodeWithoutGParm_ReturnsNull()
    {
        Assert.Null(_device.SetFrameRate(30));
    }

    [Fact]
    public void SetFormat_DevNull_ThrowsNamingTheRequest()
    {
        V4l2Exception e = Assert.Throws<V4l2Exception>(() => _device.SetFormat(V4l2FourCc.Yuyv, 640, 480));

        Assert.Equal("VIDIOC_S_FMT", e.Request);
        Assert.Contains("/dev/null", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequestBuffers_DevNull_ThrowsNamingTheRequest()
    {
        V4l2Exception e = Assert.Throws<V4l2Exception>(() => _device.RequestBuffers(4, Videodev2.V4L2_MEMORY_MMAP));

        Assert.Equal("VIDIOC_REQBUFS", e.Request);
    }

    [Fact]
    public void StreamingCalls_DevNull_ReturnEnottyWithoutThrowing()
    {
        Assert.Equal(Errno.ENOTTY, _device.Queue(0));
        Assert.Equal(Errno.ENOTTY, _device.TryDequeue(Videodev2.V4L2_MEMORY_MMAP, out V4l2DequeuedBuffer buffer));
        Assert.Equal(default, buffer);
        Assert.Equal(Errno.ENOTTY, _device.StreamOff());
    }

    [Fact]
    public void StreamOn_DevNull_ThrowsNamingTheRequest()
    {
        V4l2Exception e = Assert.Throws<V4l2Exception>(_device.StreamOn);

        Assert.Equal("VIDIOC_STREAMON", e.Request);
    }

    [Fact]
    public void Path_OpenedNode_IsThePathItWasOpenedBy()
    {
        Assert.Equal("/dev/null", _device.Path);
    }
}
