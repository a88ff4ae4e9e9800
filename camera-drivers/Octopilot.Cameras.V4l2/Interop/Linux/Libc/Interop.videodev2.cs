namespace Octopilot.Cameras.V4l2.Interop.Linux.Libc;

/// <summary>
/// linux/videodev2.h: the request codes and constants this driver uses, native names kept. Request codes are built
/// with the kernel's _IOC formula from the struct sizes of <c>Interop.videodev2.struct.cs</c>, so a layout mistake
/// changes the code and the kernel answers ENOTTY instead of writing past a struct (the tests pin both against the
/// values the 64-bit kernel headers give).
/// </summary>
internal static class Videodev2
{
    // _IOC direction bits (asm-generic/ioctl.h): the same on x86-64 and arm64.
    private const uint IOC_WRITE = 1;
    private const uint IOC_READ = 2;
    private const uint V = 'V';

    public static readonly uint VIDIOC_QUERYCAP = Ioc(IOC_READ, 0, V4l2Structs.SizeOfCapability);
    public static readonly uint VIDIOC_ENUM_FMT = Ioc(IOC_READ | IOC_WRITE, 2, V4l2Structs.SizeOfFmtDesc);
    public static readonly uint VIDIOC_G_FMT = Ioc(IOC_READ | IOC_WRITE, 4, V4l2Structs.SizeOfFormat);
    public static readonly uint VIDIOC_S_FMT = Ioc(IOC_READ | IOC_WRITE, 5, V4l2Structs.SizeOfFormat);
    public static readonly uint VIDIOC_REQBUFS = Ioc(IOC_READ | IOC_WRITE, 8, V4l2Structs.SizeOfRequestBuffers);
    public static readonly uint VIDIOC_QUERYBUF = Ioc(IOC_READ | IOC_WRITE, 9, V4l2Structs.SizeOfBuffer);
    public static readonly uint VIDIOC_QBUF = Ioc(IOC_READ | IOC_WRITE, 15, V4l2Structs.SizeOfBuffer);
    public static readonly uint VIDIOC_EXPBUF = Ioc(IOC_READ | IOC_WRITE, 16, V4l2Structs.SizeOfExportBuffer);
    public static readonly uint VIDIOC_DQBUF = Ioc(IOC_READ | IOC_WRITE, 17, V4l2Structs.SizeOfBuffer);
    public static readonly uint VIDIOC_STREAMON = Ioc(IOC_WRITE, 18, sizeof(int));
    public static readonly uint VIDIOC_STREAMOFF = Ioc(IOC_WRITE, 19, sizeof(int));
    public static readonly uint VIDIOC_G_PARM = Ioc(IOC_READ | IOC_WRITE, 21, V4l2Structs.SizeOfStreamParm);
    public static readonly uint VIDIOC_S_PARM = Ioc(IOC_READ | IOC_WRITE, 22, V4l2Structs.SizeOfStreamParm);
    public static readonly uint VIDIOC_TRY_FMT = Ioc(IOC_READ | IOC_WRITE, 64, V4l2Structs.SizeOfFormat);
    public static readonly uint VIDIOC_ENUM_FRAMESIZES = Ioc(IOC_READ | IOC_WRITE, 74, V4l2Structs.SizeOfFrmSizeEnum);
    public static readonly uint VIDIOC_ENUM_FRAMEINTERVALS = Ioc(IOC_READ | IOC_WRITE, 75, V4l2Structs.SizeOfFrmIvalEnum);

    public const uint V4L2_BUF_TYPE_VIDEO_CAPTURE = 1;
    public const uint V4L2_MEMORY_MMAP = 1;
    public const uint V4L2_MEMORY_DMABUF = 4;
    public const uint V4L2_FIELD_NONE = 1;

    public const uint V4L2_CAP_VIDEO_CAPTURE = 0x00000001;
    public const uint V4L2_CAP_VIDEO_CAPTURE_MPLANE = 0x00001000;
    public const uint V4L2_CAP_STREAMING = 0x04000000;
    public const uint V4L2_CAP_DEVICE_CAPS = 0x80000000;

    /// <summary>v4l2_requestbuffers.capabilities: the queue can import DMABUF file descriptors.</summary>
    public const uint V4L2_BUF_CAP_SUPPORTS_DMABUF = 0x00000004;

    public const uint V4L2_BUF_FLAG_QUEUED = 0x00000002;
    public const uint V4L2_BUF_FLAG_DONE = 0x00000004;
    public const uint V4L2_BUF_FLAG_ERROR = 0x00000040;
    public const uint V4L2_BUF_FLAG_TIMESTAMP_MASK = 0x0000e000;
    public const uint V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC = 0x00002000;
    public const uint V4L2_BUF_FLAG_TSTAMP_SRC_MASK = 0x00070000;
    public const uint V4L2_BUF_FLAG_TSTAMP_SRC_SOE = 0x00010000;

    public const uint V4L2_FRMSIZE_TYPE_DISCRETE = 1;
    public const uint V4L2_FRMSIZE_TYPE_CONTINUOUS = 2;
    public const uint V4L2_FRMSIZE_TYPE_STEPWISE = 3;
    public const uint V4L2_FRMIVAL_TYPE_DISCRETE = 1;

    /// <summary>v4l2_captureparm.capability: the driver honours timeperframe.</summary>
    public const uint V4L2_CAP_TIMEPERFRAME = 0x1000;

    private static uint Ioc(uint direction, uint number, int size) =>
        (direction << 30) | ((uint)size << 16) | (V << 8) | number;
}
