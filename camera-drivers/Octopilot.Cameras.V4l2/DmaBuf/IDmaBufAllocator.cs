namespace Octopilot.Cameras.V4l2.DmaBuf;

/// <summary>
/// Provides the DMABUF buffers a camera imports (V4L2_MEMORY_DMABUF): on the vehicle computer, GPU or encoder memory,
/// so a frame lands where its consumer reads it. Here: <see cref="V4l2ExportedBufferAllocator"/> (buffers exported by
/// another V4L2 device). Buffers stay owned by the allocator and valid until it is disposed.
/// </summary>
public interface IDmaBufAllocator
{
    /// <summary><paramref name="count"/> buffers of at least <paramref name="lengthBytes"/> each, CPU-mappable
    /// (the camera maps them read-only to convert frames); throws naming what it could not provide.</summary>
    IReadOnlyList<DmaBuffer> Allocate(int count, int lengthBytes);
}
