namespace Octopilot.DriveLog.Recording;

/// <summary>
/// A recorder notice as handed to <see cref="RecorderOptions.Notices"/>: the same kind and text the recorder writes as an
/// <see cref="Format.RecordType.Event"/> record (when the disk still takes it). <paramref name="TimestampNs"/> is in the
/// producers' clock: the newest record timestamp the recorder had written (0 before the first record).
/// </summary>
public readonly record struct RecorderEvent(DriveEventKind Kind, long TimestampNs, string Message);
