using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Tests.Recording;

/// <summary>One record as read back: its header and a copy of its payload.</summary>
internal sealed record ScannedRecord(RecordHeader Header, byte[] Payload);

/// <summary>
/// A segment as read back strictly: header, then valid records back to back, then how it ended. <see cref="Header"/> is
/// null when the file ends inside its header (a process killed right after creating it).
/// </summary>
internal sealed record ScannedSegment(string Path, SegmentInfo? Header, IReadOnlyList<ScannedRecord> Records, SegmentEnd End, long TailBytes)
{
    public SegmentInfo Info => Header ?? throw new InvalidDataException($"{Path} ends inside its header ({TailBytes} bytes)");
}

internal enum SegmentEnd
{
    /// <summary>The last record ends exactly at the end of the file.</summary>
    Clean,

    /// <summary>The file ends inside a record (its header or its payload): the cut a kill or a full disk leaves.</summary>
    Truncated,

    /// <summary>A complete record failed its checksum or magic: damage, never expected from the recorder.</summary>
    Corrupt,
}

/// <summary>
/// The recorder tests' own minimal reader: parses a segment sequentially with <see cref="SegmentHeader"/> and
/// <see cref="RecordHeader.TryRead"/>, no resynchronisation (the recorder never writes anything a strict reader would
/// have to skip). Independent of Octopilot.DriveLog's reader so these tests check the bytes, not a second opinion.
/// </summary>
internal static class SegmentScanner
{
    public static IReadOnlyList<ScannedSegment> ScanDrive(string folder) =>
        Directory.GetFiles(folder, "segment-*.oplog").Order(StringComparer.Ordinal).Select(Scan).ToList();

    public static ScannedSegment Scan(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        if (bytes.Length < 16 || (SegmentHeader.TryReadLength(bytes, out int length, out _) && bytes.Length < length))
        {
            return new ScannedSegment(path, null, [], SegmentEnd.Truncated, bytes.Length);
        }

        if (!SegmentHeader.TryReadLength(bytes, out int headerBytes, out string? problem) ||
            !SegmentHeader.TryDecode(bytes, out SegmentInfo? info, out problem))
        {
            throw new InvalidDataException($"{path}: {problem}");
        }

        var records = new List<ScannedRecord>();
        int offset = headerBytes;
        SegmentEnd end = SegmentEnd.Clean;
        while (offset < bytes.Length)
        {
            ReadOnlySpan<byte> rest = bytes.AsSpan(offset);
            if (rest.Length < RecordHeader.SizeBytes)
            {
                end = SegmentEnd.Truncated;
                break;
            }

            if (!RecordHeader.TryRead(rest, out RecordHeader header))
            {
                end = SegmentEnd.Corrupt;
                break;
            }

            if (rest.Length < RecordHeader.SizeBytes + header.PayloadLength)
            {
                end = SegmentEnd.Truncated;
                break;
            }

            ReadOnlySpan<byte> payload = rest.Slice(RecordHeader.SizeBytes, header.PayloadLength);
            if (RecordHeader.Crc32C(payload) != header.PayloadCrc)
            {
                end = SegmentEnd.Corrupt;
                break;
            }

            records.Add(new ScannedRecord(header, payload.ToArray()));
            offset += RecordHeader.SizeBytes + header.PayloadLength;
        }

        return new ScannedSegment(path, info!, records, end, bytes.Length - offset);
    }
}
