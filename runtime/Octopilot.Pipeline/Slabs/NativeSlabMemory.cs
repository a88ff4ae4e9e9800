using System.Runtime.InteropServices;

namespace Octopilot.Pipeline.Slabs;

/// <summary>
/// One block of 64-byte-aligned native memory. Native memory never moves, so it is pinned for its whole life and
/// can be handed to ONNX Runtime, a DMA engine or a V4L2 USERPTR queue as is. Owned by the <see cref="FrameSlabPool"/>;
/// freed when the pool is disposed (a forgotten pool is freed by the finalizer of this handle).
/// </summary>
internal sealed unsafe class NativeSlabMemory : SafeHandle
{
    /// <summary>Alignment of every slab: a cache line, and what ORT and SIMD loads want.</summary>
    public const int AlignmentBytes = 64;

    public NativeSlabMemory(nuint lengthBytes)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        void* block = NativeMemory.AlignedAlloc(lengthBytes, AlignmentBytes);
        NativeMemory.Clear(block, lengthBytes);
        SetHandle((IntPtr)block);
        LengthBytes = lengthBytes;
    }

    public nuint LengthBytes { get; }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public byte* Pointer => (byte*)handle;

    protected override bool ReleaseHandle()
    {
        NativeMemory.AlignedFree((void*)handle);
        return true;
    }
}
