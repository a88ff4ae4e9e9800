namespace Octopilot.DriveLog.Reading;

/// <summary>One segment file of a drive folder, as listed (its content is not read).</summary>
/// <param name="Index">0-based segment index from the file name.</param>
/// <param name="Path">Full path of the file.</param>
/// <param name="LengthBytes">File size when the folder was listed, bytes (a live segment may have grown since).</param>
public readonly record struct SegmentFile(int Index, string Path, long LengthBytes);
