using Octopilot.DriveLog.Recording;

namespace Octopilot.Host.Recording;

/// <summary>`--record DIR` and its companions: where, how long a segment, which frames, when to fsync.</summary>
public sealed record DriveRecordingOptions
{
    public required string Folder { get; init; }

    public double SegmentLengthS { get; init; } = RecorderOptions.DefaultSegmentLengthS;

    /// <summary>Per camera (rig order) one set in n recorded; a single value applies to every camera. Empty: all frames.</summary>
    public IReadOnlyList<int> Decimation { get; init; } = [];

    public FsyncPolicy Fsync { get; init; } = FsyncPolicy.Interval;
}
