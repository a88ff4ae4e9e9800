namespace Octopilot.DriveLog.Recording;

/// <summary>
/// When the recorder asks the kernel to put written bytes on the disk (fsync). Independent of it, the recorder hands
/// its buffer to the kernel every <see cref="RecorderOptions.FlushIntervalMs"/>: those bytes survive the process being
/// killed; only fsynced bytes survive power loss.
/// </summary>
public enum FsyncPolicy
{
    /// <summary>Never fsync (tests, tmpfs, a log that may be lost with power). The kernel writes back on its own.</summary>
    None = 0,

    /// <summary>fsync when a segment is closed: at rotation and at <see cref="DriveRecorder.Stop"/>.</summary>
    OnRotation = 1,

    /// <summary>
    /// fsync every <see cref="RecorderOptions.FsyncIntervalS"/> and when a segment is closed: power loss costs at most
    /// that interval (plus the flush interval). The default.
    /// </summary>
    Interval = 2,
}
