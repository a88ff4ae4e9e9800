using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Interop;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Streaming;

/// <summary>
/// The driver's capture buffers (VIDIOC_REQBUFS with V4L2_MEMORY_MMAP) mapped read-only into this process. The driver
/// (its DMA engine) writes each frame into one of these; the camera converts straight out of the mapping into the slab,
/// so no frame is copied into managed memory. Owned by the camera that requested them: Dispose unmaps every buffer and
/// frees them in the driver (REQBUFS 0), after which no span from <see cref="Frame"/> may be used.
/// </summary>
internal sealed class MappedBufferSet : IDriverBufferSet
{
    private readonly V4l2Device _device;
    private readonly SafeMappingHandle[] _mappings;

    private MappedBufferSet(V4l2Device device, SafeMappingHandle[] mappings, uint queueCapabilities)
    {
        _device = device;
        _mappings = mappings;
        QueueCapabilities = queueCapabilities;
    }

    public int Count => _mappings.Length;

    public uint Memory => Videodev2.V4L2_MEMORY_MMAP;

    /// <summary>The queue's V4L2_BUF_CAP_* flags (what memory types it could also take, e.g. DMABUF).</summary>
    public uint QueueCapabilities { get; }

    /// <summary>Requests and maps <paramref name="count"/> buffers; the driver may grant more (never fewer than 2, or it throws).</summary>
    public static MappedBufferSet Map(V4l2Device device, int count)
    {
        (int granted, uint capabilities) = device.RequestBuffers(count, Videodev2.V4L2_MEMORY_MMAP);
        if (granted < 2)
        {
            throw new V4l2Exception($"VIDIOC_REQBUFS on {device.Path} granted {granted} buffers: streaming needs at least 2");
        }

        var mappings = new SafeMappingHandle[granted];
        try
        {
            for (int i = 0; i < granted; i++)
            {
                (uint offset, uint length) = device.QueryBuffer(i);
                mappings[i] = SafeMappingHandle.Map(device.Fd, offset, length, out int errno)
                    ?? throw new V4l2Exception("mmap", device.Path, errno);
            }
        }
        catch
        {
            foreach (SafeMappingHandle? m in mappings)
            {
                m?.Dispose();
            }

            throw;
        }

        return new MappedBufferSet(device, mappings, capabilities);
    }

    /// <summary>The first <paramref name="bytesUsed"/> bytes of buffer <paramref name="index"/>; valid while the buffer is
    /// dequeued (the driver writes into it again once it is queued) and until Dispose.</summary>
    public ReadOnlySpan<byte> Frame(int index, int bytesUsed) => _mappings[index].Bytes(bytesUsed);

    /// <summary>Queues every buffer, as STREAMON needs.</summary>
    public void QueueAll()
    {
        for (int i = 0; i < _mappings.Length; i++)
        {
            V4l2Exception.ThrowIfFailed(_device.Queue(i), "VIDIOC_QBUF", _device.Path);
        }
    }

    public int Requeue(int index) => _device.Queue(index);

    public void Dispose()
    {
        foreach (SafeMappingHandle m in _mappings)
        {
            m.Dispose();
        }

        _ = _device.RequestBuffersQuietly(0, Videodev2.V4L2_MEMORY_MMAP); // a gone device answers ENODEV: its buffers went with it
    }
}
