using System.Text;
using Octopilot.Cameras.V4l2.Interop;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;
using static Octopilot.Cameras.V4l2.Interop.Linux.Libc.Videodev2;

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>
/// One open V4L2 capture node, as thin typed calls over its ioctls. The node is opened non-blocking so a dequeue never
/// blocks: waiting is <see cref="Poll"/> with a timeout. Set-up calls (query, enumerate, set format) allocate their
/// answers; the streaming calls (<see cref="Queue"/>, <see cref="TryDequeue"/>, <see cref="Poll"/>) take stack structs
/// and allocate nothing. Every failure is a <see cref="V4l2Exception"/> naming the request, the device and the errno,
/// except the streaming calls, which return the errno so the caller can decide without an exception per frame.
/// Not thread-safe; the owner closes it with Dispose (which also stops streaming and frees the buffers in the kernel).
/// </summary>
public sealed unsafe class V4l2Device : IDisposable
{
    private readonly SafeFileDescriptorHandle _handle;

    private V4l2Device(string path, SafeFileDescriptorHandle handle)
    {
        Path = path;
        _handle = handle;
    }

    /// <summary>The path it was opened by (a /dev/videoN node or a stable /dev/v4l/by-path link).</summary>
    public string Path { get; }

    internal int Fd => _handle.Fd;

    /// <summary>Opens the node read-write and non-blocking. Throws <see cref="V4l2Exception"/> with a hint for the usual causes.</summary>
    public static V4l2Device Open(string path)
    {
        int fd = LibcFcntl.open(path, LibcFcntl.O_RDWR | LibcFcntl.O_NONBLOCK | LibcFcntl.O_CLOEXEC);
        if (fd < 0)
        {
            int errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            string? hint = errno switch
            {
                Errno.ENOENT => "no such device node: is the camera connected and its driver loaded (`octopilot cameras list`)?",
                Errno.EACCES => "permission denied: the service user needs the 'video' group",
                Errno.EBUSY => "the device is in use by another process",
                _ => null,
            };
            throw new V4l2Exception("open", path, errno, hint);
        }

        return new V4l2Device(path, new SafeFileDescriptorHandle(fd));
    }

    public V4l2Capabilities QueryCapabilities()
    {
        v4l2_capability_t cap;
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_QUERYCAP, &cap), "VIDIOC_QUERYCAP", Path,
            "not a V4L2 device");
        uint caps = (cap.capabilities & V4L2_CAP_DEVICE_CAPS) != 0 ? cap.device_caps : cap.capabilities;
        return new V4l2Capabilities(CString(cap.driver, 16), CString(cap.card, 32), CString(cap.bus_info, 32), cap.version, caps);
    }

    /// <summary>Every capture pixel format the node offers, in the driver's order.</summary>
    public IReadOnlyList<V4l2FormatDescription> EnumerateFormats()
    {
        var formats = new List<V4l2FormatDescription>();
        for (uint index = 0; ; index++)
        {
            var desc = new v4l2_fmtdesc_t { index = index, type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
            int errno = LibcIoctl.Call(Fd, VIDIOC_ENUM_FMT, &desc);
            if (errno == Errno.EINVAL)
            {
                return formats; // EINVAL past the last index ends every V4L2 enumeration
            }

            V4l2Exception.ThrowIfFailed(errno, "VIDIOC_ENUM_FMT", Path);
            formats.Add(new V4l2FormatDescription(new V4l2FourCc(desc.pixelformat), CString(desc.description, 32), (desc.flags & 0x1) != 0));
        }
    }

    /// <summary>The frame sizes of one format: several discrete entries, or one stepwise/continuous range.</summary>
    public IReadOnlyList<V4l2FrameSize> EnumerateFrameSizes(V4l2FourCc format)
    {
        var sizes = new List<V4l2FrameSize>();
        for (uint index = 0; ; index++)
        {
            var e = new v4l2_frmsizeenum_t { index = index, pixel_format = format.Value };
            int errno = LibcIoctl.Call(Fd, VIDIOC_ENUM_FRAMESIZES, &e);
            if (errno == Errno.EINVAL || errno == Errno.ENOTTY)
            {
                return sizes; // ENOTTY: the driver does not enumerate sizes at all
            }

            V4l2Exception.ThrowIfFailed(errno, "VIDIOC_ENUM_FRAMESIZES", Path);
            sizes.Add(e.type == V4L2_FRMSIZE_TYPE_DISCRETE
                ? V4l2FrameSize.Discrete((int)e.union[0], (int)e.union[1])
                : new V4l2FrameSize((int)e.union[0], (int)e.union[1], e.type == V4L2_FRMSIZE_TYPE_CONTINUOUS ? 1 : (int)e.union[2],
                    (int)e.union[3], (int)e.union[4], e.type == V4L2_FRMSIZE_TYPE_CONTINUOUS ? 1 : (int)e.union[5]));
            if (e.type != V4L2_FRMSIZE_TYPE_DISCRETE)
            {
                return sizes; // a range is the only entry
            }
        }
    }

    /// <summary>The frame rates of one format at one size: discrete rates, or one range.</summary>
    public IReadOnlyList<V4l2FrameInterval> EnumerateFrameIntervals(V4l2FourCc format, int widthPx, int heightPx)
    {
        var rates = new List<V4l2FrameInterval>();
        for (uint index = 0; ; index++)
        {
            var e = new v4l2_frmivalenum_t { index = index, pixel_format = format.Value, width = (uint)widthPx, height = (uint)heightPx };
            int errno = LibcIoctl.Call(Fd, VIDIOC_ENUM_FRAMEINTERVALS, &e);
            if (errno == Errno.EINVAL || errno == Errno.ENOTTY)
            {
                return rates;
            }

            V4l2Exception.ThrowIfFailed(errno, "VIDIOC_ENUM_FRAMEINTERVALS", Path);
            if (e.type == V4L2_FRMIVAL_TYPE_DISCRETE)
            {
                rates.Add(V4l2FrameInterval.FromFraction(e.union[0], e.union[1]));
                continue;
            }

            // Stepwise/continuous intervals: the longest interval (max) is the lowest rate.
            V4l2FrameInterval shortest = V4l2FrameInterval.FromFraction(e.union[0], e.union[1]);
            V4l2FrameInterval longest = V4l2FrameInterval.FromFraction(e.union[2], e.union[3]);
            rates.Add(new V4l2FrameInterval(longest.MinFramesPerSecond, shortest.MaxFramesPerSecond));
            return rates;
        }
    }

    /// <summary>Asks for a progressive capture format; returns what the driver set (it may adjust size or refuse the code).</summary>
    public V4l2PixFormat SetFormat(V4l2FourCc format, int widthPx, int heightPx)
    {
        var f = new v4l2_format_t { type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
        f.pix.width = (uint)widthPx;
        f.pix.height = (uint)heightPx;
        f.pix.pixelformat = format.Value;
        f.pix.field = V4L2_FIELD_NONE;
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_S_FMT, &f), "VIDIOC_S_FMT", Path,
            "EBUSY means another process is streaming from it");
        return new V4l2PixFormat((int)f.pix.width, (int)f.pix.height, new V4l2FourCc(f.pix.pixelformat), (int)f.pix.bytesperline,
            (int)f.pix.sizeimage, f.pix.colorspace, f.pix.ycbcr_enc, f.pix.quantization);
    }

    /// <summary>Asks for a frame rate; returns the rate the driver set, or null when it does not support setting one.</summary>
    public double? SetFrameRate(double framesPerSecond)
    {
        var p = new v4l2_streamparm_t { type = V4L2_BUF_TYPE_VIDEO_CAPTURE };
        int errno = LibcIoctl.Call(Fd, VIDIOC_G_PARM, &p);
        if (errno == Errno.ENOTTY || errno == Errno.EINVAL || (errno == 0 && (p.capture.capability & V4L2_CAP_TIMEPERFRAME) == 0))
        {
            return null;
        }

        V4l2Exception.ThrowIfFailed(errno, "VIDIOC_G_PARM", Path);
        // 1/fps as a fraction with a microsecond-scale denominator: exact for 10, 15, 20, 25, 30, 60 and 29.97-style rates.
        p.capture.timeperframe = new v4l2_fract_t { numerator = 1000, denominator = (uint)Math.Round(framesPerSecond * 1000) };
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_S_PARM, &p), "VIDIOC_S_PARM", Path);
        v4l2_fract_t set = p.capture.timeperframe;
        return set.numerator == 0 ? null : (double)set.denominator / set.numerator;
    }

    /// <summary>Asks for <paramref name="count"/> buffers of the given memory type (0 frees them); returns how many the
    /// driver granted and the queue's V4L2_BUF_CAP_* flags.</summary>
    public (int Granted, uint Capabilities) RequestBuffers(int count, uint memory)
    {
        var r = new v4l2_requestbuffers_t { count = (uint)count, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = memory };
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_REQBUFS, &r), "VIDIOC_REQBUFS", Path);
        return ((int)r.count, r.capabilities);
    }

    /// <summary>REQBUFS without throwing, for tear-down (0 frees the buffers): returns 0 or the errno.</summary>
    internal int RequestBuffersQuietly(int count, uint memory)
    {
        var r = new v4l2_requestbuffers_t { count = (uint)count, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = memory };
        return LibcIoctl.Call(Fd, VIDIOC_REQBUFS, &r);
    }

    /// <summary>Where buffer <paramref name="index"/> lives for mmap (offset) and how long it is.</summary>
    public (uint Offset, uint LengthBytes) QueryBuffer(int index)
    {
        var b = new v4l2_buffer_t { index = (uint)index, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_MMAP };
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_QUERYBUF, &b), "VIDIOC_QUERYBUF", Path);
        return (b.m_offset, b.length);
    }

    /// <summary>Exports an mmap buffer as a DMABUF file descriptor (VIDIOC_EXPBUF), for a GPU or encoder to import
    /// without a copy. The caller owns the returned descriptor.</summary>
    internal SafeFileDescriptorHandle ExportBuffer(int index)
    {
        var e = new v4l2_exportbuffer_t { type = V4L2_BUF_TYPE_VIDEO_CAPTURE, index = (uint)index, flags = LibcFcntl.O_CLOEXEC | LibcFcntl.O_RDWR };
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_EXPBUF, &e), "VIDIOC_EXPBUF", Path);
        return new SafeFileDescriptorHandle(e.fd);
    }

    /// <summary>Gives buffer <paramref name="index"/> to the driver to fill (mmap memory). Returns 0 or the errno.</summary>
    public int Queue(int index)
    {
        var b = new v4l2_buffer_t { index = (uint)index, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_MMAP };
        return LibcIoctl.Call(Fd, VIDIOC_QBUF, &b);
    }

    /// <summary>Gives buffer <paramref name="index"/> to the driver to fill, backed by an imported DMABUF descriptor.</summary>
    public int QueueDmaBuf(int index, int dmaBufFd, int lengthBytes)
    {
        var b = new v4l2_buffer_t { index = (uint)index, type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = V4L2_MEMORY_DMABUF, length = (uint)lengthBytes };
        b.m_fd = dmaBufFd;
        return LibcIoctl.Call(Fd, VIDIOC_QBUF, &b);
    }

    /// <summary>Takes the oldest filled buffer. Returns 0, EAGAIN when none is ready, or another errno (ENODEV: gone).</summary>
    public int TryDequeue(uint memory, out V4l2DequeuedBuffer buffer)
    {
        var b = new v4l2_buffer_t { type = V4L2_BUF_TYPE_VIDEO_CAPTURE, memory = memory };
        int errno = LibcIoctl.Call(Fd, VIDIOC_DQBUF, &b);
        buffer = errno == 0
            ? new V4l2DequeuedBuffer((int)b.index, (int)b.bytesused, b.flags, (b.tv_sec * 1_000_000_000L) + (b.tv_usec * 1000L), b.sequence)
            : default;
        return errno;
    }

    /// <summary>Waits up to <paramref name="timeoutMs"/> for a filled buffer: the poll events (0 on timeout), or −1 with the errno.</summary>
    public int Poll(int timeoutMs, out int errno) => Core.Interop.Linux.Libc.LibcPoll.WaitOne(Fd, Core.Interop.Linux.Libc.LibcPoll.POLLIN, timeoutMs, out errno);

    public void StreamOn()
    {
        int type = (int)V4L2_BUF_TYPE_VIDEO_CAPTURE;
        V4l2Exception.ThrowIfFailed(LibcIoctl.Call(Fd, VIDIOC_STREAMON, &type), "VIDIOC_STREAMON", Path);
    }

    /// <summary>Stops streaming; every queued buffer returns to the application. Returns 0 or the errno (a gone device answers ENODEV).</summary>
    public int StreamOff()
    {
        int type = (int)V4L2_BUF_TYPE_VIDEO_CAPTURE;
        return LibcIoctl.Call(Fd, VIDIOC_STREAMOFF, &type);
    }

    /// <summary>Closes the node: the kernel stops streaming and frees the buffers once every mapping is gone too.</summary>
    public void Dispose() => _handle.Dispose();

    private static string CString(byte* bytes, int capacity)
    {
        int length = 0;
        while (length < capacity && bytes[length] != 0)
        {
            length++;
        }

        return Encoding.UTF8.GetString(bytes, length);
    }
}
