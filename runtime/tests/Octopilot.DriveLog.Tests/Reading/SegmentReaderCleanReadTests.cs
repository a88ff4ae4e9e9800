using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

public class SegmentReaderCleanReadTests
{
    [Theory]
    [InlineData(4 << 10)]
    [InlineData(64 << 10)]
    [InlineData(SegmentReaderOptions.DefaultBufferBytes)]
    public void TryReadNext_CleanSegment_ReturnsEveryRecordBitIdenticalInOrder(int bufferBytes)
    {
        using var folder = new TempFolder();
        var random = new Random(11);
        long timestampNs = 0;
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 200, ref timestampNs, largeEvery: 5));
        Assert.Contains(written, r => r.Payload.Length >= TestDrive.LargePayloadMinBytes);

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0), new SegmentReaderOptions { BufferBytes = bufferBytes });
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(written, read);
        Assert.Empty(reader.Damages);
        Assert.NotNull(reader.Info);
        Assert.Equal(TestDrive.DriveId, reader.Info!.DriveId);
        Assert.Equal(TestDrive.HeaderBytes(0), reader.HeaderBytes);
        Assert.Equal(new FileInfo(folder.Segment(0)).Length, reader.BytesConsumed);
        Assert.Equal(written.Count, reader.RecordsRead);
        Assert.Equal(written.Sum(r => (long)r.Payload.Length), reader.PayloadBytesRead);
        Assert.True(reader.EndOfSegment);
        Assert.False(reader.TryReadNext(out _));
    }

    [Fact]
    public void TryReadNext_RecordsLargerThanTheBuffer_AreCopiedToScratchAndCounted()
    {
        using var folder = new TempFolder();
        var random = new Random(12);
        long timestampNs = 0;
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 50, ref timestampNs, largeEvery: 2));
        int largest = written.Max(r => r.Payload.Length);

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0), new SegmentReaderOptions { BufferBytes = 64 << 10 });
        TestDrive.AssertSameRecords(written, TestDrive.ReadAll(reader));

        Assert.True(reader.SplitPayloadCopies >= written.Count(r => r.Payload.Length > 64 << 10));
        Assert.InRange(reader.ScratchBytes, largest, largest + (64 << 10));
    }

    [Fact]
    public void TryReadNext_SegmentWithoutRecords_ReturnsFalseWithoutDamage()
    {
        using var folder = new TempFolder();
        TestDrive.WriteSegment(folder.Segment(3), 3, []);

        using SegmentReader reader = SegmentReader.Open(folder.Segment(3));

        Assert.False(reader.TryReadNext(out _));
        Assert.Empty(reader.Damages);
        Assert.Equal(3, reader.SegmentIndex);
    }

    [Fact]
    public void Open_MissingFile_ThrowsFileNotFound()
    {
        using var folder = new TempFolder();

        Assert.Throws<FileNotFoundException>(() => SegmentReader.Open(folder.Segment(0)));
    }
}
