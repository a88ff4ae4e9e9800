namespace Octopilot.DriveLog.Reading;

/// <summary>
/// A drive cannot be read at all: the folder does not exist, is not a folder, or holds no segment file. Damage inside
/// a drive is never thrown; it is reported as <see cref="DriveLogDamage"/>.
/// </summary>
public sealed class DriveLogException : Exception
{
    public DriveLogException()
    {
    }

    public DriveLogException(string message)
        : base(message)
    {
    }

    public DriveLogException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DriveLogException(string message, string path)
        : base(message)
    {
        Path = path;
    }

    /// <summary>The folder or file the error is about.</summary>
    public string? Path { get; }

    internal static DriveLogException FolderMissing(string path) =>
        new($"drive folder '{path}' does not exist", path);

    internal static DriveLogException NotAFolder(string path) =>
        new($"drive path '{path}' is a file; a drive is a folder of segment files ({DriveFolder.SegmentFilePrefix}NNNNNN{DriveFolder.SegmentFileExtension})", path);

    internal static DriveLogException NoSegments(string path, int unrecognizedCount) =>
        new($"drive folder '{path}' holds no segment file: a drive needs at least one {DriveFolder.SegmentFilePrefix}NNNNNN{DriveFolder.SegmentFileExtension}" +
            (unrecognizedCount > 0 ? $" ({unrecognizedCount} *{DriveFolder.SegmentFileExtension} file(s) with names that do not parse)" : string.Empty), path);
}
