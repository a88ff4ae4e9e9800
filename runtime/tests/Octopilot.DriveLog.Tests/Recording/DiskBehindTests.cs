using System.Diagnostics;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

public class DiskBehindTests
{
    /// <summary>
    /// The disk falls behind: every batch takes 250 ms on the recorder thread (as a stalled write would) while frame sets
    /// are offered every 20 ms and a tick thread writes 3 KB records every millisecond (3 MB/s). Frame sets must be
    /// dropped and counted; not one small record may be lost.
    /// </summary>
    [Fact]
    public void SlowBatches_FrameSetsDroppedAndCounted_NoSmallRecordLost()
    {
        using var drive = new TempDrive();
        var offered = new List<TestBatch>();
        int refusedByRecorder = 0;
        int ticksRefused = 0;
        int ticks = 0;
        var statistics = new RecorderStatistics();
        var notices = new List<RecorderEvent>();
        RecorderOptions options = drive.Options() with
        {
            MaxQueuedBatches = 2,
            MaxBatchWaitS = 0.2,
            Fsync = FsyncPolicy.None,
            Notices = e =>
            {
                lock (notices)
                {
                    notices.Add(e);
                }
            },
        };

        using (var recorder = new DriveRecorder(options))
        {
            using var stop = new ManualResetEventSlim();
            var tickThread = new Thread(() =>
            {
                RecordProducer producer = recorder.CreateProducer("ticks");
                var payload = new byte[3000];
                for (int i = 0; !stop.IsSet; i++)
                {
                    BitConverter.TryWriteBytes(payload, i);
                    if (!producer.TryWrite(RecordType.WorldModel, 1, i * 1_000_000L, payload))
                    {
                        ticksRefused++;
                    }

                    ticks = i + 1;
                    Thread.Sleep(1);
                }
            });
            tickThread.Start();
            var clock = Stopwatch.StartNew();
            for (int s = 0; clock.Elapsed < TimeSpan.FromSeconds(1.5); s++)
            {
                var batch = new TestBatch(s * 20_000_000L, (RecordType.CameraFrame, 0, s * 20_000_000L, Payload(0, s, 100_000))) { Delay = TimeSpan.FromMilliseconds(250) };
                offered.Add(batch);
                if (!recorder.TryEnqueueBatch(batch))
                {
                    refusedByRecorder++;
                    batch.Release(); // refused: the caller releases
                }

                Thread.Sleep(20);
            }

            stop.Set();
            tickThread.Join();
            recorder.Stop();
            recorder.ReadStatistics(statistics);
        }

        Assert.Equal(0, ticksRefused);
        Assert.Equal(0, statistics.CriticalRecordsLost);
        Assert.True(statistics.BatchesDropped > offered.Count / 2, $"{statistics.BatchesDropped} of {offered.Count} sets dropped");
        Assert.Equal(offered.Count, statistics.BatchesWritten + statistics.BatchesDropped);
        Assert.True(refusedByRecorder > 0);
        Assert.True(statistics.BatchesDroppedDiskBehind > 0, "a batch that waited over MaxBatchWaitS must put the recorder behind");
        Assert.All(offered, b => Assert.Equal(1, b.Releases));
        Assert.Equal(statistics.BatchesWritten, offered.Count(b => b.Writes == 1));

        var records = SegmentScanner.ScanDrive(drive.Folder).AllRecords().ToList();
        var worldModels = records.Where(r => r.Header.Type == RecordType.WorldModel).ToList();
        Assert.Equal(ticks, worldModels.Count);
        Assert.Equal(Enumerable.Range(0, ticks), worldModels.Select(r => BitConverter.ToInt32(r.Payload)));
        Assert.Contains(notices, n => n.Kind == DriveEventKind.CameraFramesDropped);
        Assert.Contains(records.Where(r => r.Header.StreamId == DriveRecorder.NoticeStreamId), r => EventPayload.TryRead(r.Payload, out DriveEventKind kind, out _) && kind == DriveEventKind.CameraFramesDropped);
    }
}
