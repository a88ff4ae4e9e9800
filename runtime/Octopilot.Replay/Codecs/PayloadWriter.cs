using System.Buffers.Binary;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// Sequential little-endian writes into a payload span, for the codecs. Doubles travel as their IEEE bits, so a value
/// read back is bit-identical (NaN payloads included), which bit-exact replay comparison relies on.
/// </summary>
internal ref struct PayloadWriter
{
    private readonly Span<byte> _bytes;

    public PayloadWriter(Span<byte> bytes)
    {
        _bytes = bytes;
        Position = 0;
    }

    public int Position { get; private set; }

    public void WriteInt64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_bytes[Position..], value);
        Position += 8;
    }

    public void WriteInt32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(_bytes[Position..], value);
        Position += 4;
    }

    public void WriteUInt32(uint value)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(_bytes[Position..], value);
        Position += 4;
    }

    public void WriteDouble(double value) => WriteInt64(BitConverter.DoubleToInt64Bits(value));

    public void WriteByte(byte value)
    {
        _bytes[Position] = value;
        Position += 1;
    }

    public void WriteBool(bool value) => WriteByte(value ? (byte)1 : (byte)0);
}
