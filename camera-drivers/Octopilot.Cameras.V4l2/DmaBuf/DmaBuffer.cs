using Octopilot.Cameras.V4l2.Interop;

namespace Octopilot.Cameras.V4l2.DmaBuf;

/// <summary>One DMABUF: a file descriptor naming a buffer another device (or the GPU) owns, and its length. Owned by
/// the allocator that made it; Dispose closes the descriptor (the memory lives on while any importer still holds it).</summary>
public sealed class DmaBuffer : IDisposable
{
    private readonly SafeFileDescriptorHandle _fd;

    internal DmaBuffer(SafeFileDescriptorHandle fd, int lengthBytes)
    {
        _fd = fd;
        LengthBytes = lengthBytes;
    }

    /// <summary>The descriptor; valid until Dispose.</summary>
    public int Fd => _fd.Fd;

    public int LengthBytes { get; }

    public void Dispose() => _fd.Dispose();
}
