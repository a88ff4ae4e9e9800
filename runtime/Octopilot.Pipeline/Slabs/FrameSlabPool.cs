using Octopilot.Core.Frames;

namespace Octopilot.Pipeline.Slabs;

/// <summary>
/// All frame memory of the pipeline, allocated once at start: <see cref="SlabCount"/> slabs of <c>[N,H,W,3]</c>.
/// The pool only owns memory; which slab is in which state is decided by the assembler under its lock.
/// Dispose frees the native memory; disposing while a lease is outstanding is a bug and throws.
/// </summary>
public sealed class FrameSlabPool : IDisposable
{
    private readonly FrameSlab[] _slabs;
    private bool _disposed;

    public FrameSlabPool(int slabCount, int cameraCount, CameraMode mode)
    {
        if (slabCount < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(slabCount), slabCount,
                "a frame pipeline needs at least 2 slabs: one being filled while the consumer holds another");
        }

        if (cameraCount < 1 || cameraCount > 32)
        {
            throw new ArgumentOutOfRangeException(nameof(cameraCount), cameraCount, "camera count must be 1..32 (one bit per camera in a set mask)");
        }

        Mode = mode;
        CameraCount = cameraCount;
        _slabs = new FrameSlab[slabCount];
        for (int i = 0; i < slabCount; i++)
        {
            _slabs[i] = new FrameSlab(i, cameraCount, mode);
        }
    }

    public CameraMode Mode { get; }

    public int CameraCount { get; }

    public int SlabCount => _slabs.Length;

    /// <summary>Native bytes held by the pool.</summary>
    public long TotalBytes => _slabs.Length * _slabs[0].TotalBytes;

    public FrameSlab this[int index] => _slabs[index];

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        foreach (FrameSlab slab in _slabs)
        {
            if (slab.State == SlabState.Leased)
            {
                throw new InvalidOperationException(
                    $"frame slab {slab.Index} is still leased (set {slab.SetSequence}); dispose every FrameSetLease before the pool");
            }
        }

        _disposed = true;
        foreach (FrameSlab slab in _slabs)
        {
            slab.Free();
        }
    }
}
