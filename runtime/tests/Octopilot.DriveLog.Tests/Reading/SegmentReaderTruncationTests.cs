using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

/// <summary>A segment cut at a random offset (power loss): everything before the cut survives, the cut record is reported.</summary>
public class SegmentReaderTruncationTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 1; seed <= 24; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryReadNext_CutAtRandomOffset_RecoversEveryRecordBeforeAndReportsTheCutOne(int seed)
    {
        using var folder = new TempFolder();
        var random = new Random(seed);
        long timestampNs = 0;
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 60, ref timestampNs, largeEvery: 6));
        long length = new FileInfo(folder.Segment(0)).Length;
        long cut = random.NextInt64(TestDrive.HeaderBytes(0), length);
        Cut(folder.Segment(0), cut);

        AssertCutHandled(folder.Segment(0), written, cut, new SegmentReaderOptions { BufferBytes = seed % 2 == 0 ? 64 << 10 : SegmentReaderOptions.DefaultBufferBytes });
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(20)]
    [InlineData(27)]
    [InlineData(28)]
    [InlineData(29)]
    public void TryReadNext_CutInsideTheLastRecordsHeaderOrPayload_ReportsTruncated(int bytesLeftOfLastRecord)
    {
        using var folder = new TempFolder();
        var random = new Random(bytesLeftOfLastRecord);
        long timestampNs = 0;
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 10, ref timestampNs, largeEvery: 0));
        long cut = written[^1].FileOffset + bytesLeftOfLastRecord;
        Cut(folder.Segment(0), cut);

        AssertCutHandled(folder.Segment(0), written, cut, SegmentReaderOptions.Default);
    }

    [Fact]
    public void TryReadNext_CutAtARecordBoundary_ReportsNoDamage()
    {
        using var folder = new TempFolder();
        var random = new Random(5);
        long timestampNs = 0;
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 10, ref timestampNs));
        Cut(folder.Segment(0), written[6].FileOffset);

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0));
        TestDrive.AssertSameRecords(written.Take(6).ToList(), TestDrive.ReadAll(reader));
        Assert.Empty(reader.Damages);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10)]
    [InlineData(16)]
    [InlineData(100)]
    public void Open_CutInsideTheSegmentHeader_ReportsTheHeaderWithoutThrowing(int cut)
    {
        using var folder = new TempFolder();
        TestDrive.WriteSegment(folder.Segment(0), 0, [new RecordSpec(RecordType.Event, RecordFlags.None, 0, 1, TestDrive.EventPayload(1, "x"))]);
        Cut(folder.Segment(0), cut);

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0));

        Assert.Empty(TestDrive.ReadAll(reader));
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(cut == 0 ? DriveLogDamageKind.EmptySegment : DriveLogDamageKind.CorruptSegmentHeader, damage.Kind);
        Assert.Equal((0L, (long)cut), (damage.StartOffset, damage.EndOffset));
        Assert.Null(reader.Info);
    }

    private static void Cut(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.SetLength(length);
    }

    private static void AssertCutHandled(string path, List<WrittenRecord> written, long cut, SegmentReaderOptions options)
    {
        List<WrittenRecord> whole = written.Where(r => r.EndOffset <= cut).ToList();
        WrittenRecord? cutRecord = written.FirstOrDefault(r => r.FileOffset < cut && r.EndOffset > cut);

        var reported = new List<DriveLogDamage>();
        using SegmentReader reader = SegmentReader.Open(path, options, reported.Add);
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(whole, read);
        Assert.Equal(reader.Damages, reported);
        if (cutRecord is null)
        {
            Assert.Empty(reader.Damages);
            return;
        }

        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.TruncatedRecord, damage.Kind);
        Assert.Equal((cutRecord.FileOffset, cut), (damage.StartOffset, damage.EndOffset));
        Assert.Equal(path, damage.SegmentPath);
        Assert.Equal(0, damage.SegmentIndex);
        Assert.Equal(cut, reader.BytesConsumed);
    }
}
