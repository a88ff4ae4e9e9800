namespace Octopilot.DriveLog.Reading;

/// <summary>What a <see cref="DriveReader"/> hands out and how it buffers. Immutable; <see cref="DriveReader.Open"/> checks the window.</summary>
public sealed class DriveReaderOptions
{
    public static DriveReaderOptions Default { get; } = new();

    /// <summary>Buffering of each segment.</summary>
    public SegmentReaderOptions Segment { get; init; } = SegmentReaderOptions.Default;

    /// <summary>
    /// First record timestamp handed out, ns, inclusive. The window filters what is handed out only: every record is
    /// still read and both its CRCs checked, so damage anywhere in the drive is reported.
    /// </summary>
    public long FromTimestampNs { get; init; } = long.MinValue;

    /// <summary>End of the window, ns, exclusive (<c>long.MaxValue</c>: no end).</summary>
    public long ToTimestampNs { get; init; } = long.MaxValue;

    /// <summary>
    /// Hand out valid records whose type this build does not know (false: skip them, FORMAT.md "Unknown types are
    /// skipped (and counted)"). Either way they are counted in <see cref="DriveReader.UnknownTypeRecords"/>.
    /// </summary>
    public bool IncludeUnknownTypes { get; init; }
}
