using System.Globalization;

namespace Octopilot.DriveLog.Reading;

/// <summary>
/// The segment files of a drive folder (FORMAT.md, "Drive folder"), in index order, with the indices that have no file
/// (lost segments) and the <c>*.oplog</c> files whose names do not parse. A listing: nothing is opened or read.
/// </summary>
public sealed class DriveFolder
{
    public const string SegmentFilePrefix = "segment-";
    public const string SegmentFileExtension = ".oplog";

    /// <summary>Digits of the index in a file name; longer indices are written in full.</summary>
    public const int SegmentIndexDigits = 6;

    private DriveFolder(string path, SegmentFile[] segments, int[] missingIndices, string[] unrecognizedFiles)
    {
        Path = path;
        Segments = segments;
        MissingIndices = missingIndices;
        UnrecognizedFiles = unrecognizedFiles;
    }

    /// <summary>The folder, as given (full path).</summary>
    public string Path { get; }

    /// <summary>Segment files present, ascending index; never empty.</summary>
    public IReadOnlyList<SegmentFile> Segments { get; }

    /// <summary>Indices from 0 to the last present one that have no file, ascending.</summary>
    public IReadOnlyList<int> MissingIndices { get; }

    /// <summary><c>*.oplog</c> files whose name is not <c>segment-NNNNNN.oplog</c>, or that repeat an index (<c>segment-0000001.oplog</c> next to <c>segment-000001.oplog</c>); full paths, sorted.</summary>
    public IReadOnlyList<string> UnrecognizedFiles { get; }

    /// <summary>
    /// Lists <paramref name="folderPath"/>. Throws <see cref="DriveLogException"/> (naming the path) when it does not
    /// exist, is a file, or holds no segment file; I/O errors of the listing itself surface as they are.
    /// </summary>
    public static DriveFolder Open(string folderPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(folderPath);
        string path = System.IO.Path.GetFullPath(folderPath);
        if (!Directory.Exists(path))
        {
            throw File.Exists(path) ? DriveLogException.NotAFolder(path) : DriveLogException.FolderMissing(path);
        }

        var byIndex = new SortedDictionary<int, SegmentFile>();
        var unrecognized = new List<string>();
        foreach (FileInfo file in new DirectoryInfo(path).EnumerateFiles("*" + SegmentFileExtension))
        {
            if (TryParseSegmentIndex(file.Name, out int index) && byIndex.TryAdd(index, new SegmentFile(index, file.FullName, file.Length)))
            {
                continue;
            }

            unrecognized.Add(file.FullName);
        }

        unrecognized.Sort(StringComparer.Ordinal);
        if (byIndex.Count == 0)
        {
            throw DriveLogException.NoSegments(path, unrecognized.Count);
        }

        SegmentFile[] segments = [.. byIndex.Values];
        var missing = new List<int>();
        int expected = 0;
        foreach (SegmentFile segment in segments)
        {
            for (; expected < segment.Index; expected++)
            {
                missing.Add(expected);
            }

            expected = segment.Index + 1;
        }

        return new DriveFolder(path, segments, [.. missing], [.. unrecognized]);
    }

    /// <summary>The file name of segment <paramref name="index"/>: <c>segment-000042.oplog</c>.</summary>
    public static string SegmentFileName(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        return SegmentFilePrefix + index.ToString("D" + SegmentIndexDigits.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) + SegmentFileExtension;
    }

    /// <summary>The index in a name of the form <c>segment-NNNNNN.oplog</c> (at least six digits, no sign); false for any other name.</summary>
    public static bool TryParseSegmentIndex(string fileName, out int index)
    {
        index = -1;
        ReadOnlySpan<char> name = System.IO.Path.GetFileName(fileName.AsSpan());
        if (!name.StartsWith(SegmentFilePrefix, StringComparison.Ordinal) || !name.EndsWith(SegmentFileExtension, StringComparison.Ordinal))
        {
            return false;
        }

        ReadOnlySpan<char> digits = name[SegmentFilePrefix.Length..^SegmentFileExtension.Length];
        if (digits.Length < SegmentIndexDigits || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            index = -1;
            return false;
        }

        return true;
    }
}
