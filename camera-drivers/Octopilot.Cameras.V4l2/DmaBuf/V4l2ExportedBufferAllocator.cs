using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Interop.Linux.Libc;

namespace Octopilot.Cameras.V4l2.DmaBuf;

/// <summary>
/// DMABUF buffers exported by another V4L2 device's queue (VIDIOC_REQBUFS mmap + VIDIOC_EXPBUF): how an ISP, encoder or
/// second camera shares its memory, and, on machines without a GPU allocator, the way to exercise a camera's DMABUF
/// import path. The exporting device is opened and sized on the first <see cref="Allocate"/> (it is never streamed);
/// its buffers and descriptors live until Dispose, which must come after every camera importing them has closed.
/// </summary>
public sealed class V4l2ExportedBufferAllocator : IDmaBufAllocator, IDisposable
{
    private readonly string _exporterPath;
    private readonly V4l2FourCc _format;
    private readonly int _widthPx;
    private readonly int _heightPx;
    private V4l2Device? _exporter;
    private List<DmaBuffer>? _buffers;

    /// <param name="exporterPath">The device whose buffers are exported (not the camera itself).</param>
    /// <param name="format">Format and size to size its buffers by: those of the camera that imports them.</param>
    public V4l2ExportedBufferAllocator(string exporterPath, V4l2FourCc format, int widthPx, int heightPx)
    {
        _exporterPath = exporterPath;
        _format = format;
        _widthPx = widthPx;
        _heightPx = heightPx;
    }

    public IReadOnlyList<DmaBuffer> Allocate(int count, int lengthBytes)
    {
        if (_buffers is not null)
        {
            return _buffers.Count >= count && _buffers.All(b => b.LengthBytes >= lengthBytes)
                ? _buffers
                : throw new V4l2Exception($"{_exporterPath}: already exported {_buffers.Count} buffers of {_buffers[0].LengthBytes} bytes; asked for {count} of {lengthBytes}");
        }

        V4l2Device exporter = V4l2Device.Open(_exporterPath);
        try
        {
            V4l2PixFormat set = exporter.SetFormat(_format, _widthPx, _heightPx);
            if (set.SizeImageBytes < lengthBytes)
            {
                throw new V4l2Exception($"{_exporterPath}: its {set.FourCc} {set.WidthPx}x{set.HeightPx} buffers hold {set.SizeImageBytes} bytes, {lengthBytes} needed");
            }

            (int granted, _) = exporter.RequestBuffers(count, Videodev2.V4L2_MEMORY_MMAP);
            if (granted < count)
            {
                throw new V4l2Exception($"{_exporterPath}: granted {granted} buffers to export, {count} needed");
            }

            var buffers = new List<DmaBuffer>(count);
            for (int i = 0; i < count; i++)
            {
                buffers.Add(new DmaBuffer(exporter.ExportBuffer(i), (int)exporter.QueryBuffer(i).LengthBytes));
            }

            _exporter = exporter;
            _buffers = buffers;
            return buffers;
        }
        catch
        {
            exporter.Dispose();
            throw;
        }
    }

    public void Dispose()
    {
        foreach (DmaBuffer buffer in _buffers ?? [])
        {
            buffer.Dispose();
        }

        _exporter?.Dispose();
        _buffers = null;
        _exporter = null;
    }
}
