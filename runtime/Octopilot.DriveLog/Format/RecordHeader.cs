using System.Buffers.Binary;
using System.IO.Hashing;

namespace Octopilot.DriveLog.Format;

/// <summary>
/// The 28-byte header in front of every record, little-endian (FORMAT.md, "Records"):
/// <code>
///  0  u32  magic 0x4352504F ("OPRC")     resynchronisation marker
///  4  u8   type (RecordType)
///  5  u8   flags (RecordFlags)
///  6  u16  stream id (camera index for frames, else 0 or the producer's id)
///  8  i64  monotonic timestamp, ns (CLOCK_MONOTONIC of the recording computer, or the sim's virtual clock)
/// 16  u32  payload length, bytes (≤ MaxPayloadBytes)
/// 20  u32  CRC-32C of the payload
/// 24  u32  CRC-32C of bytes 0..23
/// </code>
/// Two checksums because a reader must trust the length before it reads the payload: after corruption a candidate
/// header is accepted only if its own CRC holds, so a damaged length never makes the reader swallow good records.
/// </summary>
public readonly record struct RecordHeader(RecordType Type, RecordFlags Flags, ushort StreamId, long TimestampNs, int PayloadLength, uint PayloadCrc)
{
    public const int SizeBytes = 28;

    /// <summary>"OPRC" read as a little-endian u32.</summary>
    public const uint Magic = 0x4352504F;

    /// <summary>Largest payload accepted (64 MiB): a 4K RGB frame is 25 MB uncompressed; anything larger is corruption.</summary>
    public const int MaxPayloadBytes = 64 << 20;

    /// <summary>Writes the header, computing its own CRC, into the first <see cref="SizeBytes"/> of <paramref name="destination"/>.</summary>
    public void Write(Span<byte> destination)
    {
        Span<byte> d = destination[..SizeBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(d, Magic);
        d[4] = (byte)Type;
        d[5] = (byte)Flags;
        BinaryPrimitives.WriteUInt16LittleEndian(d[6..], StreamId);
        BinaryPrimitives.WriteInt64LittleEndian(d[8..], TimestampNs);
        BinaryPrimitives.WriteInt32LittleEndian(d[16..], PayloadLength);
        BinaryPrimitives.WriteUInt32LittleEndian(d[20..], PayloadCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(d[24..], Crc32C(d[..24]));
    }

    /// <summary>
    /// Parses a header from the first <see cref="SizeBytes"/> of <paramref name="source"/>. False when the magic, the
    /// header CRC or the length bound fails: the bytes are not the start of a record.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out RecordHeader header)
    {
        header = default;
        if (source.Length < SizeBytes || BinaryPrimitives.ReadUInt32LittleEndian(source) != Magic)
        {
            return false;
        }

        if (BinaryPrimitives.ReadUInt32LittleEndian(source[24..]) != Crc32C(source[..24]))
        {
            return false;
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(source[16..]);
        if (length < 0 || length > MaxPayloadBytes)
        {
            return false;
        }

        header = new RecordHeader(
            (RecordType)source[4],
            (RecordFlags)source[5],
            BinaryPrimitives.ReadUInt16LittleEndian(source[6..]),
            BinaryPrimitives.ReadInt64LittleEndian(source[8..]),
            length,
            BinaryPrimitives.ReadUInt32LittleEndian(source[20..]));
        return true;
    }

    /// <summary>CRC-32C (Castagnoli), the checksum of every record and segment header.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> bytes) => Crc32C_Hash(bytes);

    private static uint Crc32C_Hash(ReadOnlySpan<byte> bytes) => Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, bytes);
}
