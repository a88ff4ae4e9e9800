using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.DmaBuf;
using Octopilot.Cameras.V4l2.Interop;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.Streaming;

/// <summary>
/// Capture buffers imported as DMABUF (VIDIOC_REQBUFS with V4L2_MEMORY_DMABUF, each QBUF naming a descriptor): the
/// driver writes frames into memory an allocator owns (another device's, the GPU's), and each buffer is mapped
/// read-only here for the conversion pass into the slab. Owned by the camera; Dispose unmaps and frees the driver's
/// side (REQBUFS 0); the buffers themselves stay with their allocator.
/// </summary>
internal sealed class ImportedBufferSet : IDriverBufferSet
{
    private readonly V4l2Device _device;
    private readonly IReadOnlyList<DmaBuffer> _buffers;
    private readonly SafeMappingHandle[] _mappings;

    private ImportedBufferSet(V4l2Device device, IReadOnlyList<DmaBuffer> buffers, SafeMappingHandle[] mappings, uint capabilities)
    {
        _device = device;
        _buffers = buffers;
        _mappings = mappings;
        QueueCapabilities = capabilities;
    }

    public int Count => _mappings.Length;

    public uint QueueCapabilities { get; }

    public uint Memory => Videodev2.V4L2_MEMORY_DMABUF;

    /// <summary>Asks the driver for <paramref name="count"/> DMABUF slots and the allocator for as many buffers of a frame each.</summary>
    public static ImportedBufferSet Import(V4l2Device device, IDmaBufAllocator allocator, int count, int frameBytes)
    {
        int granted;
        uint capabilities;
        try
        {
            (granted, capabilities) = device.RequestBuffers(count, Videodev2.V4L2_MEMORY_DMABUF);
        }
        catch (V4l2Exception e) when (e.ErrorNumber == Errno.EINVAL)
        {
            throw new V4l2Exception($"{device.Path} cannot import DMABUF buffers (VIDIOC_REQBUFS with V4L2_MEMORY_DMABUF: EINVAL); use its own mmap buffers", e);
        }

        IReadOnlyList<DmaBuffer> buffers = allocator.Allocate(granted, frameBytes);
        if (buffers.Count < granted || buffers.Any(b => b.LengthBytes < frameBytes))
        {
            _ = device.RequestBuffersQuietly(0, Videodev2.V4L2_MEMORY_DMABUF);
            throw new V4l2Exception($"{device.Path}: the DMABUF allocator gave {buffers.Count} buffers for {granted} slots of {frameBytes} bytes");
        }

        var mappings = new SafeMappingHandle[granted];
        try
        {
            for (int i = 0; i < granted; i++)
            {
                mappings[i] = SafeMappingHandle.Map(buffers[i].Fd, 0, (uint)buffers[i].LengthBytes, out int errno)
                    ?? throw new V4l2Exception("mmap of an imported DMABUF", device.Path, errno);
            }
        }
        catch
        {
            foreach (SafeMappingHandle? m in mappings)
            {
                m?.Dispose();
            }

            _ = device.RequestBuffersQuietly(0, Videodev2.V4L2_MEMORY_DMABUF);
            throw;
        }

        return new ImportedBufferSet(device, buffers, mappings, capabilities);
    }

    public ReadOnlySpan<byte> Frame(int index, int bytesUsed) => _mappings[index].Bytes(bytesUsed);

    public void QueueAll()
    {
        for (int i = 0; i < _mappings.Length; i++)
        {
            V4l2Exception.ThrowIfFailed(Requeue(i), "VIDIOC_QBUF (DMABUF)", _device.Path);
        }
    }

    public int Requeue(int index) => _device.QueueDmaBuf(index, _buffers[index].Fd, _buffers[index].LengthBytes);

    public void Dispose()
    {
        foreach (SafeMappingHandle m in _mappings)
        {
            m.Dispose();
        }

        _ = _device.RequestBuffersQuietly(0, Videodev2.V4L2_MEMORY_DMABUF);
    }
}
