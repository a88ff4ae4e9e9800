using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

public class DriveReaderTests
{
    [Fact]
    public void TryReadNext_CleanDrive_ReturnsEveryRecordOfEverySegmentInOrder()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteDrive(folder, segmentCount: 4, recordsPerSegment: 40, seed: 41);

        using DriveReader reader = DriveReader.Open(folder.Path);
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(written, read);
        Assert.Empty(reader.Damages);
        Assert.Equal(TestDrive.DriveId, reader.Info?.DriveId);
        Assert.Equal(4, reader.SegmentsOpened);
        Assert.Equal(written.Count, reader.RecordsRead);
        Assert.Equal(written.Sum(r => (long)r.Payload.Length), reader.PayloadBytesRead);
        Assert.Equal(Enumerable.Range(0, 4).Sum(i => new FileInfo(folder.Segment(i)).Length), reader.FileBytesRead);
        foreach (RecordType type in Enum.GetValues<RecordType>())
        {
            Assert.Equal(written.Count(r => r.Type == type), reader.RecordCount(type));
        }

        Assert.Equal(-1, reader.CurrentSegmentIndex);
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void TryReadNext_MiddleSegmentDeleted_ReportsItMissingAndReadsTheOthersFully()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteDrive(folder, segmentCount: 4, recordsPerSegment: 30, seed: 42);
        File.Delete(folder.Segment(2));

        var reported = new List<DriveLogDamage>();
        using DriveReader reader = DriveReader.Open(folder.Path, onDamage: reported.Add);
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(written.Where(r => r.SegmentIndex != 2).ToList(), read);
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.MissingSegment, damage.Kind);
        Assert.Equal(2, damage.SegmentIndex);
        Assert.Equal(folder.Segment(2), damage.SegmentPath);
        Assert.Equal(reader.Damages, reported);
    }

    [Fact]
    public void TryReadNext_DamageInSeveralSegments_ReportsEachAndReadsEverythingElse()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteDrive(folder, segmentCount: 4, recordsPerSegment: 30, seed: 43);
        File.WriteAllBytes(folder.Segment(1), []);
        WrittenRecord flipped = written.First(r => r.SegmentIndex == 2 && r.Payload.Length > 100);
        byte[] bytes = File.ReadAllBytes(folder.Segment(2));
        bytes[flipped.FileOffset + 50] ^= 1;
        File.WriteAllBytes(folder.Segment(2), bytes);
        WrittenRecord last = written.Last(r => r.SegmentIndex == 3);
        using (var file = new FileStream(folder.Segment(3), FileMode.Open, FileAccess.Write))
        {
            file.SetLength(last.FileOffset + 30);
        }

        using DriveReader reader = DriveReader.Open(folder.Path);
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(written.Where(r => r.SegmentIndex != 1 && r != flipped && r != last).ToList(), read);
        Assert.Equal(
            [DriveLogDamageKind.EmptySegment, DriveLogDamageKind.PayloadCrcMismatch, DriveLogDamageKind.TruncatedRecord],
            reader.Damages.Select(d => d.Kind));
        Assert.Equal([1, 2, 3], reader.Damages.Select(d => d.SegmentIndex));
    }

    [Fact]
    public void TryReadNext_SegmentOfAnotherDrive_IsReportedAndSkipped()
    {
        using var folder = new TempFolder();
        var random = new Random(44);
        long timestampNs = 0;
        List<WrittenRecord> first = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 10, ref timestampNs));
        TestDrive.WriteSegment(folder.Segment(1), 1, TestDrive.RandomRecords(random, 10, ref timestampNs), driveId: "some-other-drive");
        List<WrittenRecord> third = TestDrive.WriteSegment(folder.Segment(2), 2, TestDrive.RandomRecords(random, 10, ref timestampNs));

        using DriveReader reader = DriveReader.Open(folder.Path);
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords([.. first, .. third], read);
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.HeaderMismatch, damage.Kind);
        Assert.Equal(1, damage.SegmentIndex);
        Assert.Contains("some-other-drive", damage.Detail, StringComparison.Ordinal);
        Assert.Equal(new FileInfo(folder.Segment(1)).Length, damage.EndOffset);
    }

    [Fact]
    public void TryReadNext_RenamedSegment_IsReportedAndItsRecordsKept()
    {
        using var folder = new TempFolder();
        var random = new Random(45);
        long timestampNs = 0;
        List<WrittenRecord> first = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 10, ref timestampNs));
        List<WrittenRecord> renamed = TestDrive.WriteSegment(folder.Segment(5), 1, TestDrive.RandomRecords(random, 10, ref timestampNs));

        using DriveReader reader = DriveReader.Open(folder.Path);
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords([.. first, .. renamed.Select(r => r with { SegmentIndex = 5 })], read);
        Assert.Equal(4, reader.Damages.Count(d => d.Kind == DriveLogDamageKind.MissingSegment));
        Assert.Single(reader.Damages, d => d.Kind == DriveLogDamageKind.HeaderMismatch && d.SegmentIndex == 5);
    }

    [Fact]
    public void TryReadNext_FirstHeaderCorrupt_TakesTheDriveInfoFromTheNextSegment()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteDrive(folder, segmentCount: 2, recordsPerSegment: 10, seed: 46);
        byte[] bytes = File.ReadAllBytes(folder.Segment(0));
        bytes[30] ^= 0xFF;
        File.WriteAllBytes(folder.Segment(0), bytes);

        using DriveReader reader = DriveReader.Open(folder.Path);
        TestDrive.AssertSameRecords(written, TestDrive.ReadAll(reader));

        Assert.Equal(1, reader.Info?.SegmentIndex);
        Assert.Equal(DriveLogDamageKind.CorruptSegmentHeader, Assert.Single(reader.Damages).Kind);
    }

    [Fact]
    public void TryReadNext_SegmentVanishedAfterListing_IsReportedAndTheRestRead()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteDrive(folder, segmentCount: 3, recordsPerSegment: 10, seed: 47);

        using DriveReader reader = DriveReader.Open(folder.Path);
        File.Delete(folder.Segment(1));
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(written.Where(r => r.SegmentIndex != 1).ToList(), read);
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.UnreadableSegment, damage.Kind);
        Assert.Equal(1, damage.SegmentIndex);
    }

    [Fact]
    public void TryReadNext_TimeWindow_HandsOutOnlyRecordsInsideAndStillVerifiesTheRest()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteDrive(folder, segmentCount: 3, recordsPerSegment: 30, seed: 48);
        long fromNs = written[20].TimestampNs;
        long toNs = written[70].TimestampNs;
        WrittenRecord outside = written[80];
        byte[] bytes = File.ReadAllBytes(folder.Segment(outside.SegmentIndex));
        bytes[outside.FileOffset + 5] ^= 1;
        File.WriteAllBytes(folder.Segment(outside.SegmentIndex), bytes);

        using DriveReader reader = DriveReader.Open(folder.Path, new DriveReaderOptions { FromTimestampNs = fromNs, ToTimestampNs = toNs });
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(written.Where(r => r.TimestampNs >= fromNs && r.TimestampNs < toNs).ToList(), read);
        Assert.Equal(written.Count - read.Count - 1, reader.RecordsOutsideWindow);
        Assert.Equal(outside.FileOffset, Assert.Single(reader.Damages).StartOffset);
    }

    [Fact]
    public void Open_EmptyWindow_Throws()
    {
        using var folder = new TempFolder();
        TestDrive.WriteDrive(folder, 1, 1, seed: 49);

        Assert.Throws<ArgumentException>(() => DriveReader.Open(folder.Path, new DriveReaderOptions { FromTimestampNs = 5, ToTimestampNs = 5 }));
    }

    [Fact]
    public void TryReadNext_UnknownRecordType_IsCountedAndSkippedUnlessIncluded()
    {
        using var folder = new TempFolder();
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0,
        [
            new RecordSpec(RecordType.VehicleState, RecordFlags.None, 0, 1, [1, 2, 3]),
            new RecordSpec((RecordType)200, RecordFlags.None, 9, 2, [4, 5]),
            new RecordSpec(RecordType.Event, RecordFlags.None, 0, 3, TestDrive.EventPayload(1, "hi")),
        ]);

        using (DriveReader skipping = DriveReader.Open(folder.Path))
        {
            TestDrive.AssertSameRecords([written[0], written[2]], TestDrive.ReadAll(skipping));
            Assert.Equal(1, skipping.UnknownTypeRecords);
            Assert.Empty(skipping.Damages);
        }

        using DriveReader including = DriveReader.Open(folder.Path, new DriveReaderOptions { IncludeUnknownTypes = true });
        TestDrive.AssertSameRecords(written, TestDrive.ReadAll(including));
        Assert.Equal(1, including.RecordCount((RecordType)200));
    }

    [Fact]
    public void Open_FolderWithoutSegments_ThrowsNamingTheFolder()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<DriveLogException>(() => DriveReader.Open(folder.Path));

        Assert.Contains(folder.Path, error.Message, StringComparison.Ordinal);
    }
}
