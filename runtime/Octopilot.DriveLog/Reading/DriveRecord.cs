using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// One valid record (header CRC and payload CRC both held), as a reader hands it out. <see cref="Payload"/> points
/// into the reader's pipe buffer or its scratch buffer, both owned by the reader: it is valid until the next
/// <c>TryReadNext</c> or <c>Dispose</c> on that reader, and must be copied to be kept. A ref struct so it cannot outlive
/// the call that reads past it by accident.
/// </summary>
public readonly ref struct DriveRecord
{
    internal DriveRecord(RecordHeader header, int segmentIndex, long fileOffset, ReadOnlySpan<byte> payload)
    {
        Header = header;
        SegmentIndex = segmentIndex;
        FileOffset = fileOffset;
        Payload = payload;
    }

    public RecordHeader Header { get; }

    /// <summary>Index of the segment the record is in (from the file name); -1 when the file name carries none.</summary>
    public int SegmentIndex { get; }

    /// <summary>Offset of the record's header in its segment file, bytes.</summary>
    public long FileOffset { get; }

    /// <summary>The payload, checksum verified. Owned by the reader; valid until its next <c>TryReadNext</c> or <c>Dispose</c>.</summary>
    public ReadOnlySpan<byte> Payload { get; }

    /// <summary>Bytes the record occupies in the file: header plus payload.</summary>
    public int SizeBytes => RecordHeader.SizeBytes + Payload.Length;
}
