using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// One stream of a drive, over the valid records read: a (record type, stream id) pair, named from the segment header's
/// stream table when it lists it.
/// </summary>
/// <param name="Type">Record type of the stream.</param>
/// <param name="StreamId">Stream id (camera index for frames).</param>
/// <param name="Name">Name from the header's stream table; empty when the table does not list the stream.</param>
/// <param name="InHeader">The header's stream table lists the stream (false: records of an undeclared stream).</param>
/// <param name="RecordCount">Valid records.</param>
/// <param name="PayloadBytes">Their payload bytes.</param>
/// <param name="FirstTimestampNs">Timestamp of the first record read, ns (0 without records).</param>
/// <param name="LastTimestampNs">Timestamp of the last record read, ns (0 without records).</param>
/// <param name="LargestGapNs">Largest step between consecutive timestamps, ns (a lost segment or a stall shows here).</param>
/// <param name="LargestGapStartNs">Timestamp at the start of that step, ns.</param>
/// <param name="BackwardSteps">Steps where the timestamp decreased (FORMAT.md: never within a stream; non-zero means a writer bug or damage that kept its CRCs).</param>
public sealed record StreamSummary(
    RecordType Type,
    ushort StreamId,
    string Name,
    bool InHeader,
    long RecordCount,
    long PayloadBytes,
    long FirstTimestampNs,
    long LastTimestampNs,
    long LargestGapNs,
    long LargestGapStartNs,
    long BackwardSteps)
{
    /// <summary>Last minus first timestamp, s.</summary>
    public double DurationS => (LastTimestampNs - FirstTimestampNs) / 1e9;

    /// <summary>Mean record rate, Hz: records after the first per second of <see cref="DurationS"/>; 0 with fewer than two records.</summary>
    public double RateHz => RecordCount >= 2 && LastTimestampNs > FirstTimestampNs ? (RecordCount - 1) / DurationS : 0;
}
