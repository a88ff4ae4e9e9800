using Octopilot.Pipeline.Slabs;

namespace Octopilot.Pipeline.Assembly;

/// <summary>
/// A write grant for one camera's slot in one set, handed out by <see cref="FrameSetAssembler.TryBeginFrame"/>.
/// The holder writes <see cref="Pixels"/> and then must call exactly one of
/// <see cref="FrameSetAssembler.CompleteFrame"/> or <see cref="FrameSetAssembler.AbortFrame"/>; after that the span
/// must not be touched (the slab may already be on its way to the consumer).
/// </summary>
public readonly struct FrameSlot
{
    internal FrameSlot(FrameSlab slab, int camera, int generation)
    {
        Slab = slab;
        Camera = camera;
        Generation = generation;
    }

    internal FrameSlab Slab { get; }

    internal int Generation { get; }

    public int Camera { get; }

    public int SlabIndex => Slab.Index;

    /// <summary>The destination: <c>H·W·3</c> bytes inside the slab. Valid until Complete/Abort.</summary>
    public Span<byte> Pixels => Slab.Slot(Camera);
}
