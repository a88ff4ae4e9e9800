using System.Buffers.Binary;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// Sequential little-endian reads from a payload span, the mirror of <see cref="PayloadWriter"/>. Codecs check the
/// length before reading, so the bounds checks here never fire on a well-formed caller.
/// </summary>
internal ref struct PayloadReader
{
    private readonly ReadOnlySpan<byte> _bytes;

    public PayloadReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
        Position = 0;
    }

    public int Position { get; private set; }

    public long ReadInt64()
    {
        long value = BinaryPrimitives.ReadInt64LittleEndian(_bytes[Position..]);
        Position += 8;
        return value;
    }

    public int ReadInt32()
    {
        int value = BinaryPrimitives.ReadInt32LittleEndian(_bytes[Position..]);
        Position += 4;
        return value;
    }

    public uint ReadUInt32()
    {
        uint value = BinaryPrimitives.ReadUInt32LittleEndian(_bytes[Position..]);
        Position += 4;
        return value;
    }

    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadInt64());

    public byte ReadByte()
    {
        byte value = _bytes[Position];
        Position += 1;
        return value;
    }

    public bool ReadBool() => ReadByte() != 0;
}
