using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;

namespace Octopilot.DriveLog.Tests.Reading;

/// <summary>
/// Steady-state reading allocates nothing per record: spans point into pooled pipe segments or the reused scratch
/// buffer, and the synchronous stream makes every pipe read complete without a task. Runs alone: readers in parallel
/// tests rent 2 MiB arrays from the same shared pool and can empty it, and the pipe's rent would then allocate.
/// </summary>
[Collection(AllocationCollection.Name)]
public class SegmentReaderAllocationTests
{
    [Theory]
    [InlineData(64 << 10, 300_000)]                           // every frame straddles segments: the scratch path
    [InlineData(SegmentReaderOptions.DefaultBufferBytes, 0)]  // 200-byte records only: the per-record path
    public void TryReadNext_AfterWarmUp_AllocatesNothing(int bufferBytes, int framePayloadBytes)
    {
        using var folder = new TempFolder();
        var random = new Random(31);
        byte[] small = TestDrive.RandomBytes(random, 200);
        byte[] frame = TestDrive.RandomBytes(random, Math.Max(framePayloadBytes, 1));
        const int recordCount = 60_000;
        using (var writer = Writing.SegmentWriter.Create(folder.Segment(0), TestDrive.Info(0)))
        {
            for (int i = 0; i < recordCount; i++)
            {
                bool isFrame = framePayloadBytes > 0 && i % 200 == 0;
                writer.Append(isFrame ? RecordType.CameraFrame : RecordType.VehicleState, RecordFlags.None, 0, i * 10_000L, isFrame ? frame : small);
            }
        }

        using SegmentReader reader = SegmentReader.Open(folder.Segment(0), new SegmentReaderOptions { BufferBytes = bufferBytes });
        // Warm-up: past the first pipe segment boundaries (2 MiB is ~9,200 small records), so the pool and the scratch buffer are primed.
        const int warmUpRecords = 25_000;
        long checksum = 0;
        for (int i = 0; i < warmUpRecords; i++)
        {
            Assert.True(reader.TryReadNext(out DriveRecord record));
            checksum += record.Payload[0];
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        int measured = 0;
        while (reader.TryReadNext(out DriveRecord record))
        {
            checksum += record.Payload[0];
            measured++;
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(recordCount - warmUpRecords, measured);
        Assert.True(reader.SplitPayloadCopies > 0, "the test must cross pipe segment boundaries");
        Assert.True(allocated == 0, $"{allocated} bytes allocated over {measured} records after warm-up (checksum {checksum})");
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class AllocationCollection
{
    public const string Name = "Reading allocation (runs alone)";
}
