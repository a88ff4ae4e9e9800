namespace Octopilot.Cameras.V4l2.Streaming;

/// <summary>The capture buffers a camera streams through, whoever allocated them (the driver: mmap; another device or
/// the GPU: DMABUF import). Owned by the camera; Dispose frees them in the driver, after which no frame span is valid.</summary>
internal interface IDriverBufferSet : IDisposable
{
    int Count { get; }

    /// <summary>The queue's V4L2_BUF_CAP_* flags.</summary>
    uint QueueCapabilities { get; }

    /// <summary>V4L2_MEMORY_MMAP or V4L2_MEMORY_DMABUF: what QBUF/DQBUF name.</summary>
    uint Memory { get; }

    /// <summary>The first <paramref name="bytesUsed"/> bytes of buffer <paramref name="index"/>, readable while it is dequeued.</summary>
    ReadOnlySpan<byte> Frame(int index, int bytesUsed);

    /// <summary>Queues every buffer, as STREAMON needs (throws naming the device when the driver refuses).</summary>
    void QueueAll();

    /// <summary>Gives buffer <paramref name="index"/> back to the driver: 0 or the errno.</summary>
    int Requeue(int index);
}
