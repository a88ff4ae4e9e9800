using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

public class ProducerRingTests
{
    [Fact]
    public void SmallRing_WrapsManyTimes_EveryRecordIntactAndInOrder()
    {
        using var drive = new TempDrive();
        const int Records = 3000;
        int retries = 0;
        using (var recorder = new DriveRecorder(drive.Options() with { Fsync = FsyncPolicy.None, FlushIntervalMs = 1 }))
        {
            RecordProducer producer = recorder.CreateProducer("small", RecordProducer.MinCapacityBytes);
            for (int i = 0; i < Records; i++)
            {
                // Sizes 1..1000 so entries end at every alignment and wrap at every offset.
                byte[] payload = Payload(1, i, 1 + (i * 97 % producer.MaxPayloadBytes));
                while (!producer.TryWrite(RecordType.PlannerTick, 1, i, payload))
                {
                    retries++;
                    Thread.Sleep(1);
                }
            }
        }

        var ticks = SegmentScanner.ScanDrive(drive.Folder).AllRecords().Where(r => r.Header.Type == RecordType.PlannerTick).ToList();
        Assert.Equal(Records, ticks.Count);
        for (int i = 0; i < Records; i++)
        {
            Assert.Equal(i, ticks[i].Header.TimestampNs);
            Assert.Equal(Payload(1, i, ticks[i].Payload.Length), ticks[i].Payload);
        }

        Assert.True(retries > 0, "the 4 KiB ring should have been full at times (the test is meant to wrap under pressure)");
    }

    [Fact]
    public void FullRing_RefusesCountsPerTypeAndTheLogSaysSo()
    {
        using var drive = new TempDrive();
        var statistics = new RecorderStatistics();
        RecordProducer producer;
        using (var recorder = new DriveRecorder(drive.Options() with { FlushIntervalMs = 1000 }))
        {
            // The recorder sleeps a second before its first cycle: 4 KiB hold four 1,016-byte entries, the rest is lost.
            producer = recorder.CreateProducer("commands", RecordProducer.MinCapacityBytes);
            int accepted = 0;
            for (int i = 0; i < 10; i++)
            {
                accepted += producer.TryWrite(RecordType.ControlCommand, 2, i, Payload(2, i, 1000)) ? 1 : 0;
            }

            accepted += producer.TryWrite(RecordType.VehicleState, 1, 10, Payload(1, 10, 1000)) ? 1 : 0;
            Assert.Equal(4, accepted);
            recorder.Stop();
            recorder.ReadStatistics(statistics);
        }

        Assert.Equal(7, producer.RecordsLost);
        Assert.Equal(6, producer.RecordsLostOf(RecordType.ControlCommand));
        Assert.Equal(1, producer.RecordsLostOf(RecordType.VehicleState));
        Assert.Equal(7, statistics.CriticalRecordsLost);
        Assert.Equal(4, statistics.RecordsWrittenOf(RecordType.ControlCommand));
        ScannedRecord notice = Assert.Single(
            SegmentScanner.ScanDrive(drive.Folder).Notices(),
            r => EventPayload.TryRead(r.Payload, out DriveEventKind kind, out _) && kind == DriveEventKind.CriticalRecordsLost);
        Assert.Contains("producer 'commands': 7 records lost", EventPayload.ReadText(notice.Payload), StringComparison.Ordinal);
    }

    [Fact]
    public void PayloadOverAQuarterOfTheRing_Throws_NamingProducerAndSizes()
    {
        using var drive = new TempDrive();
        using var recorder = new DriveRecorder(drive.Options());
        RecordProducer producer = recorder.CreateProducer("tiny", RecordProducer.MinCapacityBytes);
        var e = Assert.Throws<ArgumentException>(() => producer.TryWrite(RecordType.WorldModel, 0, 0, new byte[producer.MaxPayloadBytes + 1]));
        Assert.Contains("producer 'tiny'", e.Message, StringComparison.Ordinal);
        Assert.Contains("1009 bytes", e.Message, StringComparison.Ordinal);
        Assert.True(producer.TryWrite(RecordType.WorldModel, 0, 0, new byte[producer.MaxPayloadBytes]));
    }
}
