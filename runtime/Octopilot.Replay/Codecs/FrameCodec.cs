using K4os.Compression.LZ4;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// One camera frame ↔ record payload: a prefix of set sequence, camera sequence, start of frame (i64 each), width,
/// height, RGB24 byte count (i32 each), then the frame as one LZ4 block (flag <c>Lz4</c>). Compression reads the
/// frame where it lies (the slab slot) and writes into the caller's scratch; decompression writes straight into the
/// destination slot: the only copies are the codec's own.
/// </summary>
public static class FrameCodec
{
    public const int PrefixBytes = (3 * 8) + (3 * 4);

    /// <summary>Scratch bytes <see cref="Encode"/> may need for a frame of <paramref name="frameBytes"/>.</summary>
    public static int MaxPayloadBytes(int frameBytes) => PrefixBytes + LZ4Codec.MaximumOutputSize(frameBytes);

    /// <summary>Compresses <paramref name="rgb24"/> into <paramref name="destination"/>; returns the payload length.</summary>
    public static int Encode(
        long setSequence, long cameraSequence, long startOfFrameNs, int widthPx, int heightPx, ReadOnlySpan<byte> rgb24, Span<byte> destination)
    {
        if (rgb24.Length != widthPx * heightPx * 3)
        {
            throw new ArgumentException($"frame is {rgb24.Length} bytes; {widthPx}x{heightPx} RGB24 is {widthPx * heightPx * 3}", nameof(rgb24));
        }

        var c = new PayloadWriter(destination);
        c.WriteInt64(setSequence);
        c.WriteInt64(cameraSequence);
        c.WriteInt64(startOfFrameNs);
        c.WriteInt32(widthPx);
        c.WriteInt32(heightPx);
        c.WriteInt32(rgb24.Length);
        int compressed = LZ4Codec.Encode(rgb24, destination[PrefixBytes..], LZ4Level.L00_FAST);
        if (compressed <= 0)
        {
            throw new ArgumentException($"destination of {destination.Length} bytes is too small for a {rgb24.Length}-byte frame; use MaxPayloadBytes", nameof(destination));
        }

        return PrefixBytes + compressed;
    }

    /// <summary>Reads the prefix without decompressing.</summary>
    public static FrameHeader ReadHeader(ReadOnlySpan<byte> payload)
    {
        PayloadChecks.RequireAtLeast(payload, PrefixBytes, "camera frame");
        var c = new PayloadReader(payload);
        var header = new FrameHeader(c.ReadInt64(), c.ReadInt64(), c.ReadInt64(), c.ReadInt32(), c.ReadInt32(), c.ReadInt32());
        if (header.WidthPx <= 0 || header.HeightPx <= 0 || header.FrameBytes != header.WidthPx * header.HeightPx * 3)
        {
            throw new PayloadException($"camera frame says {header.WidthPx}x{header.HeightPx} with {header.FrameBytes} bytes: not a valid RGB24 frame");
        }

        return header;
    }

    /// <summary>
    /// Decompresses the frame straight into <paramref name="destinationRgb24"/> (a slab slot), whose length must be
    /// the frame's. False when the block does not decode to exactly that many bytes (corrupt payload).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<byte> payload, Span<byte> destinationRgb24)
    {
        FrameHeader header = ReadHeader(payload);
        if (destinationRgb24.Length != header.FrameBytes)
        {
            throw new PayloadException($"camera frame of {header.WidthPx}x{header.HeightPx} ({header.FrameBytes} bytes) does not fit a {destinationRgb24.Length}-byte slot");
        }

        int decoded = LZ4Codec.Decode(payload[PrefixBytes..], destinationRgb24);
        return decoded == header.FrameBytes;
    }
}

/// <summary>The prefix of a camera frame record.</summary>
public readonly record struct FrameHeader(long SetSequence, long CameraSequence, long StartOfFrameNs, int WidthPx, int HeightPx, int FrameBytes);
