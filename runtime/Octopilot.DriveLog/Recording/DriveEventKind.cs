namespace Octopilot.DriveLog.Recording;

/// <summary>
/// The kind code at the start of an <see cref="Format.RecordType.Event"/> payload (<see cref="EventPayload"/>). Part of
/// the on-disk format: never renumber, only add. 1..99 are the recorder's own notices, 100.. the driving stack's.
/// </summary>
public enum DriveEventKind : ushort
{
    /// <summary>The first segment was opened; the text gives folder, segment length and fsync policy.</summary>
    RecorderStarted = 1,

    /// <summary><see cref="DriveRecorder.Stop"/> closed the drive; the text gives the totals.</summary>
    RecorderStopped = 2,

    /// <summary>A write failed and recording ended (the notice reaches the host; the disk usually cannot take it).</summary>
    RecorderFailed = 3,

    /// <summary>Deferred batches (camera frame sets) were dropped because the queue was full or the disk behind.</summary>
    CameraFramesDropped = 4,

    /// <summary>A producer's ring was full: small records (ticks, commands, vehicle state) were lost.</summary>
    CriticalRecordsLost = 5,

    /// <summary>A new segment was opened because a record reached the end of the previous one.</summary>
    SegmentRotated = 6,

    /// <summary>A deferred batch threw from its own code (WriteRecords or Release); its records may be partly written.</summary>
    BatchError = 7,

    /// <summary>An alert shown to the driver.</summary>
    Alert = 100,

    /// <summary>A state machine changed state (the text names machine, states and reason).</summary>
    StateTransition = 101,

    /// <summary>A component reported a fault.</summary>
    Fault = 102,
}
