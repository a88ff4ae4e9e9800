using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace Octopilot.DriveLog.Format;

/// <summary>
/// The header at the start of every segment file (FORMAT.md, "Segment header"), little-endian:
/// <code>
///  0  8 bytes  magic "OPLOGSEG"
///  8  u16      format version (<see cref="CurrentFormatVersion"/>)
/// 10  u16      reserved, 0
/// 12  u32      JSON length n, bytes
/// 16  n bytes  <see cref="SegmentInfo"/> as UTF-8 JSON
/// 16+n u32     CRC-32C of bytes 0 .. 16+n
/// </code>
/// JSON because it is written once per segment and read by people and tools; the config and the rig are JSON files
/// already and are embedded verbatim, so a segment alone says how the drive was made.
/// </summary>
public static class SegmentHeader
{
    public const int CurrentFormatVersion = 1;

    /// <summary>The JSON is bounded so a corrupted length cannot make a reader allocate gigabytes (16 MiB).</summary>
    public const int MaxJsonBytes = 16 << 20;

    public static ReadOnlySpan<byte> Magic => "OPLOGSEG"u8;

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };

    /// <summary>Serialises <paramref name="info"/> into a complete header (allocates; once per segment, off the hot path).</summary>
    public static byte[] Encode(SegmentInfo info)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(info, JsonOptions);
        if (json.Length > MaxJsonBytes)
        {
            throw new ArgumentException($"segment header JSON is {json.Length} bytes; at most {MaxJsonBytes} are allowed (config or rig too large)", nameof(info));
        }

        var bytes = new byte[16 + json.Length + 4];
        Magic.CopyTo(bytes);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(8), CurrentFormatVersion);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(12), (uint)json.Length);
        json.CopyTo(bytes, 16);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16 + json.Length), RecordHeader.Crc32C(bytes.AsSpan(0, 16 + json.Length)));
        return bytes;
    }

    /// <summary>
    /// Bytes the header occupies, read from its first 16 bytes; false when the magic is wrong, the version unknown or
    /// the length out of bounds (<paramref name="problem"/> says which).
    /// </summary>
    public static bool TryReadLength(ReadOnlySpan<byte> first16, out int headerBytes, out string? problem)
    {
        headerBytes = 0;
        if (first16.Length < 16 || !first16[..8].SequenceEqual(Magic))
        {
            problem = "not a drive log segment: the file does not start with \"OPLOGSEG\"";
            return false;
        }

        int version = BinaryPrimitives.ReadUInt16LittleEndian(first16[8..]);
        if (version != CurrentFormatVersion)
        {
            problem = $"segment format version {version} is not supported; this build reads version {CurrentFormatVersion}";
            return false;
        }

        uint jsonLength = BinaryPrimitives.ReadUInt32LittleEndian(first16[12..]);
        if (jsonLength > MaxJsonBytes)
        {
            problem = $"segment header length {jsonLength} is over the {MaxJsonBytes}-byte bound (corrupt header)";
            return false;
        }

        headerBytes = 16 + (int)jsonLength + 4;
        problem = null;
        return true;
    }

    /// <summary>Parses a whole header (length from <see cref="TryReadLength"/>): CRC, then JSON.</summary>
    public static bool TryDecode(ReadOnlySpan<byte> header, out SegmentInfo? info, out string? problem)
    {
        info = null;
        if (!TryReadLength(header, out int length, out problem))
        {
            return false;
        }

        if (header.Length < length)
        {
            problem = $"segment header is truncated: {header.Length} of {length} bytes present";
            return false;
        }

        uint stored = BinaryPrimitives.ReadUInt32LittleEndian(header[(length - 4)..]);
        if (stored != RecordHeader.Crc32C(header[..(length - 4)]))
        {
            problem = "segment header CRC-32C does not match (corrupt header)";
            return false;
        }

        try
        {
            info = JsonSerializer.Deserialize<SegmentInfo>(header[16..(length - 4)], JsonOptions);
        }
        catch (JsonException e)
        {
            problem = $"segment header JSON is malformed: {e.Message}";
            return false;
        }

        if (info is null)
        {
            problem = "segment header JSON is null";
            return false;
        }

        return true;
    }

    /// <summary>UTF-8 text of a file for embedding, or an empty string when there is none.</summary>
    public static string TextOf(string? path) => path is null ? string.Empty : Encoding.UTF8.GetString(File.ReadAllBytes(path));
}
