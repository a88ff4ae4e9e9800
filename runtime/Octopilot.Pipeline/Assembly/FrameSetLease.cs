using Octopilot.Pipeline.Slabs;

namespace Octopilot.Pipeline.Assembly;

/// <summary>
/// Ownership of one shipped frame set. Exactly one owner at a time: pass it forward, and the last stage disposes it,
/// which returns the slab to the pool. After Dispose nothing of the set may be read (the slab is refilled at once).
/// Disposing twice, or a copy after the original, throws: a double return would hand one slab to two sets.
/// Forgetting to dispose leaks a slab: the pipeline then runs with one slab fewer and <see cref="FrameSetAssembler.LeasedCount"/> shows it.
/// </summary>
public readonly struct FrameSetLease : IDisposable
{
    private readonly FrameSetAssembler? _owner;
    private readonly int _generation;

    internal FrameSetLease(FrameSetAssembler owner, FrameSlab slab, int generation)
    {
        _owner = owner;
        Slab = slab;
        _generation = generation;
    }

    /// <summary>The slab holding the set: pixels as <c>[N,H,W,3]</c> and the set metadata. Valid until Dispose.</summary>
    public FrameSlab Slab { get; }

    public bool IsValid => _owner is not null;

    public long SetSequence => Slab.SetSequence;

    /// <summary>Bit i set: camera i is missing from this set (shipped at its deadline without it).</summary>
    public uint MissingMask => ~Slab.ArrivedMask & (Slab.CameraCount == 32 ? uint.MaxValue : (1u << Slab.CameraCount) - 1);

    public bool IsComplete => MissingMask == 0;

    /// <summary>Spread of start-of-frame times of the frames present.</summary>
    public long SyncSkewNs => Slab.MaxStartOfFrameNs - Slab.MinStartOfFrameNs;

    public bool HasCamera(int camera) => (Slab.ArrivedMask & (1u << camera)) != 0;

    public void Dispose() => _owner?.Return(Slab, _generation);
}
