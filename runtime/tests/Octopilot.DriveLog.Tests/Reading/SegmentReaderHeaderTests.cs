using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

/// <summary>A damaged segment header is reported; the records behind it are still found (they describe themselves).</summary>
public class SegmentReaderHeaderTests
{
    [Theory]
    [InlineData(0)]      // magic
    [InlineData(8)]      // version
    [InlineData(13)]     // JSON length
    [InlineData(40)]     // JSON
    [InlineData(-2)]     // CRC (from the end of the header)
    public void TryReadNext_CorruptSegmentHeader_ReportsItAndRecoversEveryRecord(int byteToFlip)
    {
        using var folder = new TempFolder();
        var random = new Random(21);
        long timestampNs = 0;
        string path = folder.Segment(0);
        List<WrittenRecord> written = TestDrive.WriteSegment(path, 0, TestDrive.RandomRecords(random, 30, ref timestampNs));
        int headerBytes = TestDrive.HeaderBytes(0);
        byte[] file = File.ReadAllBytes(path);
        file[byteToFlip >= 0 ? byteToFlip : headerBytes + byteToFlip] ^= 0x40;
        File.WriteAllBytes(path, file);

        using SegmentReader reader = SegmentReader.Open(path);
        TestDrive.AssertSameRecords(written, TestDrive.ReadAll(reader));

        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.CorruptSegmentHeader, damage.Kind);
        Assert.Equal((0L, (long)headerBytes), (damage.StartOffset, damage.EndOffset));
        Assert.False(string.IsNullOrEmpty(damage.Detail));
        Assert.Null(reader.Info);
        Assert.Equal(0, reader.HeaderBytes);
    }

    [Fact]
    public void TryReadNext_ZeroLengthFile_ReportsEmptySegment()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.Segment(2), []);

        using SegmentReader reader = SegmentReader.Open(folder.Segment(2));

        Assert.False(reader.TryReadNext(out _));
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.EmptySegment, damage.Kind);
        Assert.Equal(2, damage.SegmentIndex);
        Assert.Equal(0, damage.LengthBytes);
    }

    [Fact]
    public void TryReadNext_FileOfGarbageOnly_ReportsOneRangeCoveringIt()
    {
        using var folder = new TempFolder();
        File.WriteAllBytes(folder.Segment(0), TestDrive.RandomBytes(new Random(3), 100_000));

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0));

        Assert.False(reader.TryReadNext(out _));
        DriveLogDamage damage = Assert.Single(reader.Damages);
        Assert.Equal(DriveLogDamageKind.CorruptSegmentHeader, damage.Kind);
        Assert.Equal((0L, 100_000L), (damage.StartOffset, damage.EndOffset));
    }
}
