using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

public class DriveFolderTests
{
    [Fact]
    public void Open_SegmentsWithGaps_ListsInIndexOrderAndReportsMissing()
    {
        using var folder = new TempFolder();
        foreach (int index in new[] { 4, 0, 1, 10 })
        {
            File.WriteAllBytes(folder.Segment(index), new byte[index]);
        }

        DriveFolder drive = DriveFolder.Open(folder.Path);

        Assert.Equal([0, 1, 4, 10], drive.Segments.Select(s => s.Index));
        Assert.Equal(folder.Segment(4), drive.Segments[2].Path);
        Assert.Equal(4, drive.Segments[2].LengthBytes);
        Assert.Equal([2, 3, 5, 6, 7, 8, 9], drive.MissingIndices);
        Assert.Empty(drive.UnrecognizedFiles);
    }

    [Fact]
    public void Open_FirstSegmentMissing_ReportsIndexZero()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.Segment(1), []);

        Assert.Equal([0], DriveFolder.Open(folder.Path).MissingIndices);
    }

    [Fact]
    public void Open_UnparsableAndDuplicateNames_AreListedAsUnrecognized()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.Segment(0), []);
        File.WriteAllBytes(folder.File("segment-0000000.oplog"), []);   // index 0 again, 7 digits
        File.WriteAllBytes(folder.File("segment-12.oplog"), []);        // too few digits
        File.WriteAllBytes(folder.File("segment-00000x.oplog"), []);
        File.WriteAllBytes(folder.File("notes.oplog"), []);
        File.WriteAllBytes(folder.File("README.md"), []);               // not *.oplog: ignored

        DriveFolder drive = DriveFolder.Open(folder.Path);

        Assert.Single(drive.Segments);
        Assert.Equal(4, drive.UnrecognizedFiles.Count);
        Assert.DoesNotContain(drive.UnrecognizedFiles, f => f.EndsWith("README.md", StringComparison.Ordinal));
    }

    [Fact]
    public void Open_FolderDoesNotExist_ThrowsNamingThePath()
    {
        using var folder = new TempFolder();
        string missing = folder.File("no-such-drive");

        var error = Assert.Throws<DriveLogException>(() => DriveFolder.Open(missing));

        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Equal(missing, error.Path);
    }

    [Fact]
    public void Open_FolderWithoutSegments_ThrowsNamingTheFolder()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.File("notes.oplog"), []);

        var error = Assert.Throws<DriveLogException>(() => DriveFolder.Open(folder.Path));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
        Assert.Contains("no segment", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_PathIsAFile_Throws()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.Segment(0), []);

        var error = Assert.Throws<DriveLogException>(() => DriveFolder.Open(folder.Segment(0)));

        Assert.Contains(folder.Segment(0), error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("segment-000000.oplog", 0)]
    [InlineData("segment-000042.oplog", 42)]
    [InlineData("segment-1234567.oplog", 1234567)]
    [InlineData("/some/folder/segment-000007.oplog", 7)]
    public void TryParseSegmentIndex_ValidNames_ParseTheIndex(string name, int index)
    {
        Assert.True(DriveFolder.TryParseSegmentIndex(name, out int parsed));
        Assert.Equal(index, parsed);
    }

    [Theory]
    [InlineData("segment-00042.oplog")]
    [InlineData("segment-+00042.oplog")]
    [InlineData("segment-000042.log")]
    [InlineData("segment-99999999999.oplog")]
    [InlineData("seg-000042.oplog")]
    public void TryParseSegmentIndex_OtherNames_AreRejected(string name)
    {
        Assert.False(DriveFolder.TryParseSegmentIndex(name, out int parsed));
        Assert.Equal(-1, parsed);
    }

    [Fact]
    public void SegmentFileName_PadsToSixDigits()
    {
        Assert.Equal("segment-000042.oplog", DriveFolder.SegmentFileName(42));
    }
}
