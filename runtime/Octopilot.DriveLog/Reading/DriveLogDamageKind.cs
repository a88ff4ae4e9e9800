namespace Octopilot.DriveLog.Reading;

/// <summary>Why a byte range of a drive could not be read as records. Every kind is reported, never thrown.</summary>
public enum DriveLogDamageKind
{
    /// <summary>Bytes where a record should start that are not a valid record header (magic, header CRC or length bound fails): garbage, a flipped bit in a header.</summary>
    BadRecordHeader,

    /// <summary>A valid header whose payload does not match its CRC-32C (a flipped bit in the payload).</summary>
    PayloadCrcMismatch,

    /// <summary>A record cut by the end of the file (power loss, SIGKILL, disk full): a partial header, or a valid header whose payload runs past the end.</summary>
    TruncatedRecord,

    /// <summary>The segment header is unreadable (magic, version, length, CRC or JSON); the file was still scanned for records.</summary>
    CorruptSegmentHeader,

    /// <summary>A segment file of zero bytes (created, then the process died before its header reached the kernel).</summary>
    EmptySegment,

    /// <summary>A segment index with no file between the first and last segment present (range is empty; the index says which).</summary>
    MissingSegment,

    /// <summary>A segment header that disagrees with the drive: another drive's id (its records are skipped) or an index other than its file name's (its records are kept).</summary>
    HeaderMismatch,

    /// <summary>An I/O error while opening or reading a segment (file vanished, permission, device error); the rest of that segment is skipped.</summary>
    UnreadableSegment,
}
