namespace Octopilot.DriveLog.Recording;

/// <summary>Where a <see cref="DriveRecorder"/> stands. Moves only forward: Recording, then Stopped or Failed.</summary>
public enum RecorderState
{
    /// <summary>Accepting records and writing them.</summary>
    Recording = 0,

    /// <summary><see cref="DriveRecorder.Stop"/> drained, synced and closed everything; records are refused.</summary>
    Stopped = 1,

    /// <summary>A write failed (disk full, device gone): recording ended, records are refused, driving goes on.
    /// <see cref="DriveRecorder.FailureMessage"/> says which file and which error.</summary>
    Failed = 2,
}
