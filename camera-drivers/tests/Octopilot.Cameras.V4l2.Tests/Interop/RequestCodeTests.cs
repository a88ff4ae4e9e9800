using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Tests.Interop;

/// <summary>The ioctl request codes against the values the 64-bit kernel headers give (printed from videodev2.h's macros).</summary>
public sealed class RequestCodeTests
{
    public static TheoryData<string, uint, uint> Codes() => new()
    {
        { "VIDIOC_QUERYCAP", Videodev2.VIDIOC_QUERYCAP, 0x80685600 },
        { "VIDIOC_ENUM_FMT", Videodev2.VIDIOC_ENUM_FMT, 0xC0405602 },
        { "VIDIOC_G_FMT", Videodev2.VIDIOC_G_FMT, 0xC0D05604 },
        { "VIDIOC_S_FMT", Videodev2.VIDIOC_S_FMT, 0xC0D05605 },
        { "VIDIOC_REQBUFS", Videodev2.VIDIOC_REQBUFS, 0xC0145608 },
        { "VIDIOC_QUERYBUF", Videodev2.VIDIOC_QUERYBUF, 0xC0585609 },
        { "VIDIOC_QBUF", Videodev2.VIDIOC_QBUF, 0xC058560F },
        { "VIDIOC_EXPBUF", Videodev2.VIDIOC_EXPBUF, 0xC0405610 },
        { "VIDIOC_DQBUF", Videodev2.VIDIOC_DQBUF, 0xC0585611 },
        { "VIDIOC_STREAMON", Videodev2.VIDIOC_STREAMON, 0x40045612 },
        { "VIDIOC_STREAMOFF", Videodev2.VIDIOC_STREAMOFF, 0x40045613 },
        { "VIDIOC_G_PARM", Videodev2.VIDIOC_G_PARM, 0xC0CC5615 },
        { "VIDIOC_S_PARM", Videodev2.VIDIOC_S_PARM, 0xC0CC5616 },
        { "VIDIOC_TRY_FMT", Videodev2.VIDIOC_TRY_FMT, 0xC0D05640 },
        { "VIDIOC_ENUM_FRAMESIZES", Videodev2.VIDIOC_ENUM_FRAMESIZES, 0xC02C564A },
        { "VIDIOC_ENUM_FRAMEINTERVALS", Videodev2.VIDIOC_ENUM_FRAMEINTERVALS, 0xC034564B },
    };

    [Theory]
    [MemberData(nameof(Codes))]
    public void RequestCode_Built_EqualsTheKernelHeaderValue(string request, uint actual, uint kernel)
    {
        Assert.True(kernel == actual, $"{request}: 0x{actual:X8}, the kernel headers give 0x{kernel:X8}");
    }

    [Fact]
    public void Flags_TimestampAndCapabilityBits_EqualTheKernelHeaderValues()
    {
        Assert.Equal(0x0000E000u, Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MASK);
        Assert.Equal(0x00002000u, Videodev2.V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC);
        Assert.Equal(0x00070000u, Videodev2.V4L2_BUF_FLAG_TSTAMP_SRC_MASK);
        Assert.Equal(0x00010000u, Videodev2.V4L2_BUF_FLAG_TSTAMP_SRC_SOE);
        Assert.Equal(0x00000004u, Videodev2.V4L2_BUF_CAP_SUPPORTS_DMABUF);
        Assert.Equal(0x00001000u, Videodev2.V4L2_CAP_TIMEPERFRAME);
        Assert.Equal(0x04000000u, Videodev2.V4L2_CAP_STREAMING);
        Assert.Equal(0x80000000u, Videodev2.V4L2_CAP_DEVICE_CAPS);
    }

    [Fact]
    public void OpenFlags_NonBlockAndCloseOnExec_EqualTheGenericLinuxValues()
    {
        // asm-generic/fcntl.h (x86-64 and arm64): O_NONBLOCK 04000, O_CLOEXEC 02000000 (octal).
        Assert.Equal(0x800, LibcFcntl.O_NONBLOCK); // 04000
        Assert.Equal(0x80000, LibcFcntl.O_CLOEXEC); // 02000000
        Assert.Equal(2, LibcFcntl.O_RDWR);
    }
}
