using System.Diagnostics;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

public class FsyncPolicyTests
{
    /// <summary>Three segments' worth of stamps written at once: two rotations and the close.</summary>
    [Theory]
    [InlineData(FsyncPolicy.None, 0)]
    [InlineData(FsyncPolicy.OnRotation, 3)]
    public void ThreeSegments_FsyncCountFollowsPolicy(FsyncPolicy policy, long expectedFsyncs)
    {
        using var drive = new TempDrive();
        var statistics = new RecorderStatistics();
        using (var recorder = new DriveRecorder(drive.Options() with { SegmentLengthS = 1.0, Fsync = policy }))
        {
            RecordProducer producer = recorder.CreateProducer("ticks");
            for (int i = 0; i < 30; i++)
            {
                Assert.True(producer.TryWrite(RecordType.VehicleState, 1, i * 100_000_000L, Payload(1, i, 32)));
            }

            recorder.Stop();
            recorder.ReadStatistics(statistics);
        }

        Assert.Equal(3, statistics.Segments);
        Assert.Equal(expectedFsyncs, statistics.Fsyncs);
    }

    [Fact]
    public void Interval_FsyncsWhileRecordsArrive_AndOnClose()
    {
        using var drive = new TempDrive();
        var statistics = new RecorderStatistics();
        using (var recorder = new DriveRecorder(drive.Options() with { Fsync = FsyncPolicy.Interval, FsyncIntervalS = 0.05, FlushIntervalMs = 10 }))
        {
            RecordProducer producer = recorder.CreateProducer("ticks");
            var clock = Stopwatch.StartNew();
            for (int i = 0; clock.Elapsed < TimeSpan.FromMilliseconds(600); i++)
            {
                Assert.True(producer.TryWrite(RecordType.VehicleState, 1, i * 1_000_000L, Payload(1, i, 32)));
                Thread.Sleep(1);
            }

            recorder.Stop();
            recorder.ReadStatistics(statistics);
        }

        Assert.Equal(1, statistics.Segments);
        Assert.InRange(statistics.Fsyncs, 4, 20); // ~12 intervals in 600 ms + the close; wide for a shared machine
        Assert.True(statistics.MaxFsyncNs > 0);
    }

    [Fact]
    public void Interval_NothingWrittenSinceLastFsync_NoFsync()
    {
        using var drive = new TempDrive();
        var statistics = new RecorderStatistics();
        using (var recorder = new DriveRecorder(drive.Options() with { Fsync = FsyncPolicy.Interval, FsyncIntervalS = 0.02, FlushIntervalMs = 5 }))
        {
            RecordProducer producer = recorder.CreateProducer("ticks");
            Assert.True(producer.TryWrite(RecordType.VehicleState, 1, 1, Payload(1, 0, 32)));
            Thread.Sleep(300); // 15 intervals with nothing new after the first
            recorder.ReadStatistics(statistics);
        }

        Assert.Equal(1, statistics.Fsyncs);
    }
}
