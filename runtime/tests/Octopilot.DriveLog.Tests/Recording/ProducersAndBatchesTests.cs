using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

public class ProducersAndBatchesTests
{
    private const long TickNs = 10_000_000;
    private const long FrameNs = 66_666_667;

    [Fact]
    public void TwoProducerThreadsAndBatches_EveryRecordLandsByteForByte_EachStreamInTimestampOrder()
    {
        using var drive = new TempDrive();
        const int TickRecords = 2000;
        const int CommandRecords = 2000;
        const int Sets = 40;
        const int CamerasPerSet = 4;
        var batches = new List<TestBatch>();
        var statistics = new RecorderStatistics();
        int refused = 0; // counted, not asserted, on the producer threads: an assert there would kill the test host

        using (var recorder = new DriveRecorder(drive.Options()))
        {
            var ticks = new Thread(() =>
            {
                RecordProducer producer = recorder.CreateProducer("vehicle");
                for (int i = 0; i < TickRecords; i++)
                {
                    if (!producer.TryWrite(RecordType.VehicleState, 1, i * TickNs, Payload(1, i, 40)))
                    {
                        Interlocked.Increment(ref refused);
                    }

                    if (i % 100 == 99)
                    {
                        Thread.Sleep(1);
                    }
                }
            });
            var commands = new Thread(() =>
            {
                RecordProducer producer = recorder.CreateProducer("commands");
                for (int i = 0; i < CommandRecords; i++)
                {
                    if (!producer.TryWrite(RecordType.ControlCommand, 2, (i * TickNs) + 3, Payload(2, i, 1 + (i * 37 % 3000))))
                    {
                        Interlocked.Increment(ref refused);
                    }

                    if (i % 100 == 99)
                    {
                        Thread.Sleep(1);
                    }
                }
            });
            var cameras = new Thread(() =>
            {
                for (int s = 0; s < Sets; s++)
                {
                    long stamp = s * FrameNs;
                    var records = Enumerable.Range(0, CamerasPerSet)
                        .Select(c => (RecordType.CameraFrame, (ushort)c, stamp + c, Payload(100 + c, s, 50_000)))
                        .ToArray();
                    var batch = new TestBatch(stamp, records);
                    batches.Add(batch);
                    while (!recorder.TryEnqueueBatch(batch))
                    {
                        Thread.Sleep(2); // refused: still ours; offer it again (the test wants every set)
                    }
                }
            });
            ticks.Start();
            commands.Start();
            cameras.Start();
            ticks.Join();
            commands.Join();
            cameras.Join();
            recorder.Stop();
            recorder.ReadStatistics(statistics);
        }

        Assert.Equal(RecorderState.Stopped, statistics.State);
        Assert.Equal(0, refused);
        Assert.Equal(0, statistics.CriticalRecordsLost);
        Assert.All(batches, b => Assert.Equal((1, 1), (b.Writes, b.Releases)));

        IReadOnlyList<ScannedSegment> segments = SegmentScanner.ScanDrive(drive.Folder);
        Assert.Single(segments);
        Assert.Equal(SegmentEnd.Clean, segments[0].End);
        var records = segments.AllRecords().ToList();
        Assert.Equal(statistics.RecordsWritten, records.Count);

        AssertStream(records, RecordType.VehicleState, 1, TickRecords, i => (i * TickNs, Payload(1, i, 40)));
        AssertStream(records, RecordType.ControlCommand, 2, CommandRecords, i => ((i * TickNs) + 3, Payload(2, i, 1 + (i * 37 % 3000))));
        for (int c = 0; c < CamerasPerSet; c++)
        {
            int camera = c;
            AssertStream(records, RecordType.CameraFrame, (ushort)c, Sets, s => ((s * FrameNs) + camera, Payload(100 + camera, s, 50_000)));
        }

        Assert.Equal(Sets, statistics.BatchesWritten);
        Assert.Equal(DriveEventKind.RecorderStarted, EventKind(records[0]));
        Assert.Equal(DriveEventKind.RecorderStopped, EventKind(records[^1]));
    }

    [Fact]
    public void Records_WithinOneDrainCycle_AreMergedByTimestampAcrossProducers()
    {
        using var drive = new TempDrive();
        using var recorder = new DriveRecorder(drive.Options() with { FlushIntervalMs = 500 });
        RecordProducer a = recorder.CreateProducer("a");
        RecordProducer b = recorder.CreateProducer("b");
        for (int i = 0; i < 50; i++)
        {
            // Both rings filled before the recorder's next cycle: a holds the even stamps, b the odd ones.
            Assert.True(a.TryWrite(RecordType.VehicleState, 1, 2 * i, Payload(1, i, 16)));
            Assert.True(b.TryWrite(RecordType.PlannerTick, 2, (2 * i) + 1, Payload(2, i, 16)));
        }

        recorder.Stop();
        long[] stamps = SegmentScanner.ScanDrive(drive.Folder).AllRecords()
            .Where(r => r.Header.Type != RecordType.Event).Select(r => r.Header.TimestampNs).ToArray();
        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), stamps);
    }

    private static void AssertStream(List<ScannedRecord> records, RecordType type, ushort stream, int count, Func<int, (long StampNs, byte[] Payload)> expected)
    {
        var inStream = records.Where(r => r.Header.Type == type && r.Header.StreamId == stream).ToList();
        Assert.Equal(count, inStream.Count);
        for (int i = 0; i < count; i++)
        {
            (long stampNs, byte[] payload) = expected(i);
            Assert.Equal(stampNs, inStream[i].Header.TimestampNs);
            Assert.Equal(payload, inStream[i].Payload);
        }
    }

    private static DriveEventKind EventKind(ScannedRecord record)
    {
        Assert.Equal(RecordType.Event, record.Header.Type);
        Assert.True(EventPayload.TryRead(record.Payload, out DriveEventKind kind, out _));
        return kind;
    }
}
