namespace Octopilot.DriveLog.Format;

/// <summary>
/// What a segment header says (FORMAT.md, "Segment header"). Every segment of a drive repeats the drive's fields, so
/// any one of them can be read alone (the first may be the one that was lost).
/// </summary>
public sealed record SegmentInfo
{
    /// <summary>The drive's identity, shared by all its segments (UTC start time and a random suffix).</summary>
    public required string DriveId { get; init; }

    /// <summary>0-based position of this segment in the drive; gaps mean a lost segment.</summary>
    public required int SegmentIndex { get; init; }

    /// <summary>Version of the software that recorded (assembly informational version).</summary>
    public required string SoftwareVersion { get; init; }

    /// <summary>Wall-clock time the segment was opened, ISO 8601 UTC (for people; records use monotonic time).</summary>
    public required string CreatedUtc { get; init; }

    /// <summary>Monotonic time, ns, the segment's rotation period counts from.</summary>
    public required long StartTimestampNs { get; init; }

    /// <summary>Segment length the recorder rotated at, s.</summary>
    public required double SegmentLengthS { get; init; }

    /// <summary>SHA-256 of the ONNX model that ran, lower-case hex; empty when no model ran.</summary>
    public required string ModelSha256 { get; init; }

    /// <summary>The run's settings file, verbatim (JSON text).</summary>
    public required string Config { get; init; }

    /// <summary>The rig calibration file, verbatim (JSON text).</summary>
    public required string Rig { get; init; }

    /// <summary>The streams of this drive: cameras and the planner/vehicle producers.</summary>
    public required IReadOnlyList<StreamInfo> Streams { get; init; }

    /// <summary>Free-form facts about the run (mode, scenario file, perception source).</summary>
    public IReadOnlyDictionary<string, string> Properties { get; init; } = new Dictionary<string, string>();
}
