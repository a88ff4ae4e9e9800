using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

/// <summary>
/// Random bit flips anywhere in a segment: every record none of whose bytes was touched comes back bit-identical,
/// and the reported ranges are exactly the touched records (and the header, when it was hit).
/// </summary>
public class SegmentReaderBitFlipTests
{
    public static TheoryData<int> Seeds()
    {
        var seeds = new TheoryData<int>();
        for (int seed = 100; seed < 124; seed++)
        {
            seeds.Add(seed);
        }

        return seeds;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TryReadNext_RandomBitFlips_RecoversEveryUntouchedRecordAndReportsExactlyTheTouchedOnes(int seed)
    {
        using var folder = new TempFolder();
        var random = new Random(seed);
        long timestampNs = 0;
        string path = folder.Segment(0);
        List<WrittenRecord> written = TestDrive.WriteSegment(path, 0, TestDrive.RandomRecords(random, 80, ref timestampNs, largeEvery: 6));
        int headerBytes = TestDrive.HeaderBytes(0);
        byte[] file = File.ReadAllBytes(path);

        // 1-10 distinct bits; half the seeds aim at small records and headers so those paths are hit, not only big payloads.
        var flips = new HashSet<(long Byte, int Bit)>();
        int flipCount = random.Next(1, 11);
        while (flips.Count < flipCount)
        {
            long at = seed % 2 == 0
                ? random.NextInt64(file.Length)
                : PickInSmallRecordOrHeader(random, written, headerBytes);
            flips.Add((at, random.Next(8)));
        }

        foreach ((long at, int bit) in flips)
        {
            file[at] ^= (byte)(1 << bit);
        }

        File.WriteAllBytes(path, file);
        var touched = new HashSet<long>(flips.Select(f => f.Byte));
        List<WrittenRecord> untouched = written.Where(r => !touched.Any(b => b >= r.FileOffset && b < r.EndOffset)).ToList();
        var touchedSpans = written.Where(r => touched.Any(b => b >= r.FileOffset && b < r.EndOffset)).Select(r => (r.FileOffset, r.EndOffset)).ToList();
        if (touched.Any(b => b < headerBytes))
        {
            touchedSpans.Add((0, headerBytes));
        }

        using SegmentReader reader = SegmentReader.Open(path, new SegmentReaderOptions { BufferBytes = seed % 3 == 0 ? 64 << 10 : SegmentReaderOptions.DefaultBufferBytes });
        List<ReadRecord> read = TestDrive.ReadAll(reader);

        TestDrive.AssertSameRecords(untouched, read);
        Assert.Equal(TestDrive.Merge(touchedSpans), TestDrive.Merge(reader.Damages.Select(d => (d.StartOffset, d.EndOffset))));
        Assert.Equal(touched.Any(b => b < headerBytes), reader.Info is null);
        Assert.Equal(file.Length, reader.BytesConsumed);
    }

    private static long PickInSmallRecordOrHeader(Random random, List<WrittenRecord> written, int headerBytes)
    {
        int pick = random.Next(written.Count + 1);
        if (pick == written.Count)
        {
            return random.Next(headerBytes);
        }

        WrittenRecord record = written[pick];
        // Mostly the 28 header bytes, where length and CRC fields live.
        long span = random.Next(3) == 0 ? record.EndOffset - record.FileOffset : 28;
        return record.FileOffset + random.NextInt64(span);
    }
}
