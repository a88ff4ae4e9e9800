using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Recording;

/// <summary>
/// A reusable snapshot of a recorder's counters, filled by <see cref="DriveRecorder.ReadStatistics"/> without allocating:
/// create one at start and refill it for each status line. Counters are read one by one (each exact, the set not atomic).
/// </summary>
public sealed class RecorderStatistics
{
    /// <summary>Per-type counter slots: the known types 1..7, slot 0 for any other value.</summary>
    public const int RecordTypeSlots = 8;

    private readonly long[] _recordsWritten = new long[RecordTypeSlots];

    public RecorderState State { get; internal set; }

    /// <summary>Why recording failed (file and OS error); null unless <see cref="State"/> is Failed.</summary>
    public string? FailureMessage { get; internal set; }

    /// <summary>Records appended to segments, all types (the recorder's own notices included).</summary>
    public long RecordsWritten { get; internal set; }

    /// <summary>Records appended and handed to the kernel: a killed process loses none of these.</summary>
    public long RecordsFlushedToOs { get; internal set; }

    /// <summary>Bytes appended to segments: headers, record headers and payloads.</summary>
    public long BytesWritten { get; internal set; }

    /// <summary>Segment files opened.</summary>
    public int Segments { get; internal set; }

    /// <summary>Deferred batches written (then released).</summary>
    public long BatchesWritten { get; internal set; }

    /// <summary>Batches refused because the queue was full (the caller kept and released them).</summary>
    public long BatchesDroppedQueueFull { get; internal set; }

    /// <summary>Batches refused or discarded because the disk was behind (a batch waited too long, or a ring was over half full).</summary>
    public long BatchesDroppedDiskBehind { get; internal set; }

    /// <summary>Frame sets not recorded while recording: <see cref="BatchesDroppedQueueFull"/> + <see cref="BatchesDroppedDiskBehind"/>.</summary>
    public long BatchesDropped => BatchesDroppedQueueFull + BatchesDroppedDiskBehind;

    /// <summary>Batches offered after stop or failure (refused, or released unwritten by the failure).</summary>
    public long BatchesNotRecordedAfterStop { get; internal set; }

    /// <summary>Batches whose <see cref="IDeferredRecordBatch.WriteRecords"/> or Release threw (caught, reported as a notice).</summary>
    public long BatchErrors { get; internal set; }

    /// <summary>Small records lost to full producer rings while recording: each one a critical record missing from the log.</summary>
    public long CriticalRecordsLost { get; internal set; }

    /// <summary>Small records offered after stop or failure.</summary>
    public long RecordsNotRecordedAfterStop { get; internal set; }

    public long Fsyncs { get; internal set; }

    public long MaxFsyncNs { get; internal set; }

    /// <summary>Most batches that were queued at once.</summary>
    public int MaxQueuedBatches { get; internal set; }

    /// <summary>The last drain cycle found the disk behind; batches are being refused.</summary>
    public bool DiskBehind { get; internal set; }

    /// <summary>Records of one type appended to segments.</summary>
    public long RecordsWrittenOf(RecordType type) => _recordsWritten[Slot(type)];

    internal long[] RecordsWrittenByType => _recordsWritten;

    internal static int Slot(RecordType type) => (int)type < RecordTypeSlots ? (int)type : 0;
}
