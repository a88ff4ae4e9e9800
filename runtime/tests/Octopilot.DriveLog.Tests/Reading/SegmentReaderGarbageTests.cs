using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

/// <summary>Bytes that are not records, inserted between records: skipped, and the skipped range reported to the byte.</summary>
public class SegmentReaderGarbageTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(3, 27)]
    [InlineData(4, 1000)]
    [InlineData(5, 700_000)]
    public void TryReadNext_GarbageBetweenRecords_SkipsAndReportsItsExactRange(int seed, int garbageBytes)
    {
        var random = new Random(seed);
        byte[] garbage = TestDrive.RandomBytes(random, garbageBytes);
        AssertGarbageSkipped(random, garbage, DriveLogDamageKind.BadRecordHeader);
    }

    [Fact]
    public void TryReadNext_GarbageFullOfMagic_SkipsEveryFalseCandidate()
    {
        var random = new Random(6);
        byte[] garbage = TestDrive.RandomBytes(random, 5000);
        for (int at = 0; at + 4 <= garbage.Length; at += random.Next(4, 60))
        {
            "OPRC"u8.CopyTo(garbage.AsSpan(at));
        }

        AssertGarbageSkipped(random, garbage, DriveLogDamageKind.BadRecordHeader);
    }

    [Fact]
    public void TryReadNext_ValidHeaderClaimingTheNextRecordsAsPayload_DoesNotSwallowThem()
    {
        // A header whose own CRC holds but whose payload is not there (a record cut short by a crashed writer, then
        // appended to): its length covers the following good records; the reader must find them, not skip its length.
        var random = new Random(7);
        var fake = new byte[RecordHeader.SizeBytes];
        new RecordHeader(RecordType.CameraFrame, RecordFlags.Lz4, 0, 123, 1 << 20, 0xBADC0DE).Write(fake);

        AssertGarbageSkipped(random, fake, DriveLogDamageKind.PayloadCrcMismatch);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TryReadNext_MagicStraddlingTwoPipeSegments_IsFoundAfterGarbage(int magicBytesBeforeBoundary)
    {
        // With 4 KiB pipe segments the file is read in 4 KiB pieces; garbage is sized so that the next record's magic
        // starts 1-3 bytes before the 8 KiB boundary, where no single segment holds all four of its bytes.
        const int bufferBytes = 4 << 10;
        using var folder = new TempFolder();
        var random = new Random(9);
        long timestampNs = 0;
        string path = folder.Segment(0);
        List<WrittenRecord> written = TestDrive.WriteSegment(path, 0, TestDrive.RandomRecords(random, 10, ref timestampNs, largeEvery: 0));
        WrittenRecord before = written.Last(r => r.EndOffset < 2 * bufferBytes - 3);
        long insertAt = before.EndOffset;
        int garbageBytes = (int)((2 * bufferBytes) - magicBytesBeforeBoundary - insertAt);
        byte[] garbage = TestDrive.RandomBytes(random, garbageBytes);
        byte[] original = File.ReadAllBytes(path);
        File.WriteAllBytes(path, [.. original.AsSpan(0, (int)insertAt), .. garbage, .. original.AsSpan((int)insertAt)]);

        using SegmentReader reader = SegmentReader.Open(path, new SegmentReaderOptions { BufferBytes = bufferBytes });
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        Assert.Equal(written.Count, read.Count);
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal((insertAt, (long)(2 * bufferBytes) - magicBytesBeforeBoundary), (damage.StartOffset, damage.EndOffset));
    }

    [Fact]
    public void TryReadNext_GarbageAtTheEnd_IsReportedToTheEndOfFile()
    {
        using var folder = new TempFolder();
        var random = new Random(8);
        long timestampNs = 0;
        List<WrittenRecord> written = TestDrive.WriteSegment(folder.Segment(0), 0, TestDrive.RandomRecords(random, 20, ref timestampNs));
        byte[] garbage = TestDrive.RandomBytes(random, 4321);
        using (var file = new FileStream(folder.Segment(0), FileMode.Append))
        {
            file.Write(garbage);
        }

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0));
        TestDrive.AssertSameRecords(written, TestDrive.ReadAll(reader));

        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal((written[^1].EndOffset, written[^1].EndOffset + garbage.Length), (damage.StartOffset, damage.EndOffset));
    }

    private static void AssertGarbageSkipped(Random random, byte[] garbage, DriveLogDamageKind expectedKind)
    {
        using var folder = new TempFolder();
        long timestampNs = 0;
        string path = folder.Segment(0);
        List<WrittenRecord> written = TestDrive.WriteSegment(path, 0, TestDrive.RandomRecords(random, 40, ref timestampNs, largeEvery: 5));
        int after = random.Next(written.Count - 1);
        long insertAt = written[after].EndOffset;

        byte[] original = File.ReadAllBytes(path);
        File.WriteAllBytes(path, [.. original.AsSpan(0, (int)insertAt), .. garbage, .. original.AsSpan((int)insertAt)]);
        List<WrittenRecord> expected = written
            .Select(r => r.FileOffset >= insertAt ? r with { FileOffset = r.FileOffset + garbage.Length } : r)
            .ToList();

        foreach (int bufferBytes in new[] { 4 << 10, 64 << 10, SegmentReaderOptions.DefaultBufferBytes })
        {
            using SegmentReader reader = SegmentReader.Open(path, new SegmentReaderOptions { BufferBytes = bufferBytes });
            TestDrive.AssertSameRecords(expected, TestDrive.ReadAll(reader));

            DriveLogDamage damage = Assert.Single(reader.Damages);
            Assert.Equal(expectedKind, damage.Kind);
            Assert.Equal((insertAt, insertAt + garbage.Length), (damage.StartOffset, damage.EndOffset));
        }
    }
}
