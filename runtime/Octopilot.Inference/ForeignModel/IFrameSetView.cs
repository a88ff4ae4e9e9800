using Octopilot.Pipeline.Assembly;

namespace Octopilot.Inference.ForeignModel;

/// <summary>
/// One frame set as the foreign-model engine reads it: per camera whether its frame is there, the RGB bytes and the
/// start of frame. Implemented by structs (a slab lease, still images) so the engine's generic run allocates nothing.
/// </summary>
public interface IFrameSetView
{
    int CameraCount { get; }

    bool HasCamera(int camera);

    /// <summary>The camera's frame, RGB uint8, rows top to bottom; valid for the duration of the run.</summary>
    ReadOnlySpan<byte> Frame(int camera);

    long StartOfFrameNs(int camera);
}

/// <summary>A leased slab from the frame-set assembler: the live path. The lease stays owned by the caller.</summary>
public readonly struct LeaseFrames(FrameSetLease lease, int frameBytes) : IFrameSetView
{
    public int CameraCount => lease.Slab.CameraCount;

    public bool HasCamera(int camera) => lease.HasCamera(camera);

    public ReadOnlySpan<byte> Frame(int camera) => lease.Slab.Slot(camera)[..frameBytes];

    public long StartOfFrameNs(int camera) => lease.Slab.StartOfFrameNs(camera);
}

/// <summary>Frames held in memory (still images for <c>perceive</c>, fixtures, benchmarks); every camera present.</summary>
public readonly struct MemoryFrames(IReadOnlyList<ReadOnlyMemory<byte>> frames, long startOfFrameNs = 0) : IFrameSetView
{
    public int CameraCount => frames.Count;

    public bool HasCamera(int camera) => true;

    public ReadOnlySpan<byte> Frame(int camera) => frames[camera].Span;

    public long StartOfFrameNs(int camera) => startOfFrameNs;
}
