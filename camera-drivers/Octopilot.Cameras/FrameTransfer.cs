namespace Octopilot.Cameras;

/// <summary>What one frame costs on its way into the slab.</summary>
/// <param name="Kind">How it travels.</param>
/// <param name="BytesCopiedPerFrame">Bytes moved unchanged from one buffer to another (memcpy, pipe read) per frame;
/// 0 when the slab's bytes are produced by a pass that had to run anyway (rendering, colour conversion).</param>
/// <param name="BytesWrittenPerFrame">Bytes written into the slab per frame (the frame's RGB24 size).</param>
public readonly record struct FrameTransfer(FrameTransferKind Kind, long BytesCopiedPerFrame, long BytesWrittenPerFrame)
{
    public static FrameTransfer Unknown => default;

    public override string ToString() => Kind == FrameTransferKind.Unknown
        ? "unknown"
        : FormattableString.Invariant($"{Kind}, {BytesCopiedPerFrame} B copied per frame");
}
