using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

public class RotationTests
{
    private const long SecondNs = 1_000_000_000;
    private const long FirstStampNs = 5 * SecondNs + 123;
    private const long StepNs = 100_000_000;

    [Fact]
    public void RecordsOverSeveralPeriods_RotateIntoConsecutiveSegments_EachRecordInsideItsSegmentsPeriod()
    {
        using var drive = new TempDrive();
        using (var recorder = new DriveRecorder(drive.Options() with { SegmentLengthS = 1.0, Fsync = FsyncPolicy.None }))
        {
            RecordProducer producer = recorder.CreateProducer("ticks");
            for (int i = 0; i < 35; i++)
            {
                Assert.True(producer.TryWrite(RecordType.VehicleState, 1, FirstStampNs + (i * StepNs), Payload(1, i, 32)));
            }
        }

        IReadOnlyList<ScannedSegment> segments = SegmentScanner.ScanDrive(drive.Folder);
        Assert.Equal(4, segments.Count); // 3.4 s of stamps from 5.0 s: periods [5,6) [6,7) [7,8) [8,9)
        for (int k = 0; k < segments.Count; k++)
        {
            ScannedSegment segment = segments[k];
            Assert.Equal($"segment-{k:D6}.oplog", Path.GetFileName(segment.Path));
            Assert.Equal(k, segment.Info.SegmentIndex);
            Assert.Equal(FirstStampNs + (k * SecondNs), segment.Info.StartTimestampNs);
            Assert.Equal(1.0, segment.Info.SegmentLengthS);
            Assert.Equal("test-drive", segment.Info.DriveId);
            Assert.Contains(segment.Info.Streams, s => s.Type == RecordType.Event && s.StreamId == DriveRecorder.NoticeStreamId);
            Assert.Equal(SegmentEnd.Clean, segment.End);
            var ticks = segment.Records.Where(r => r.Header.Type == RecordType.VehicleState).ToList();
            Assert.Equal(k < 3 ? 10 : 5, ticks.Count);
            Assert.All(ticks, r => Assert.InRange(r.Header.TimestampNs, segment.Info.StartTimestampNs, segment.Info.StartTimestampNs + SecondNs - 1));
            DriveEventKind firstNotice = EventPayloadKind(segment.Records[0]);
            Assert.Equal(k == 0 ? DriveEventKind.RecorderStarted : DriveEventKind.SegmentRotated, firstNotice);
        }
    }

    [Fact]
    public void PauseLongerThanASegment_NextSegmentStartsAtItsPeriod_IndexStaysConsecutive()
    {
        using var drive = new TempDrive();
        using (var recorder = new DriveRecorder(drive.Options() with { SegmentLengthS = 1.0, Fsync = FsyncPolicy.None }))
        {
            RecordProducer producer = recorder.CreateProducer("ticks");
            Assert.True(producer.TryWrite(RecordType.VehicleState, 1, FirstStampNs, Payload(1, 0, 32)));
            Assert.True(producer.TryWrite(RecordType.VehicleState, 1, FirstStampNs + (12 * SecondNs) + 5, Payload(1, 1, 32)));
        }

        IReadOnlyList<ScannedSegment> segments = SegmentScanner.ScanDrive(drive.Folder);
        Assert.Equal([0, 1], segments.Select(s => s.Info.SegmentIndex));
        Assert.Equal(FirstStampNs + (12 * SecondNs), segments[1].Info.StartTimestampNs);
    }

    [Fact]
    public void BatchStampedInTheNextPeriod_AllItsRecordsGoToTheNextSegment_EvenFramesStampedBefore()
    {
        using var drive = new TempDrive();
        var batch = new TestBatch(
            FirstStampNs + SecondNs,
            (RecordType.CameraFrame, 0, FirstStampNs + SecondNs - 2_000_000, Payload(0, 0, 1000)),
            (RecordType.CameraFrame, 1, FirstStampNs + SecondNs + 1_000_000, Payload(1, 0, 1000)));
        using (var recorder = new DriveRecorder(drive.Options() with { SegmentLengthS = 1.0, Fsync = FsyncPolicy.None }))
        {
            RecordProducer producer = recorder.CreateProducer("ticks");
            Assert.True(producer.TryWrite(RecordType.VehicleState, 1, FirstStampNs, Payload(1, 0, 32)));
            Assert.True(WaitFor(() => recorder.TryEnqueueBatch(batch), TimeSpan.FromSeconds(5)));
        }

        IReadOnlyList<ScannedSegment> segments = SegmentScanner.ScanDrive(drive.Folder);
        Assert.Equal(2, segments.Count);
        Assert.DoesNotContain(segments[0].Records, r => r.Header.Type == RecordType.CameraFrame);
        Assert.Equal(2, segments[1].Records.Count(r => r.Header.Type == RecordType.CameraFrame));
        Assert.Equal((1, 1), (batch.Writes, batch.Releases));
    }

    private static DriveEventKind EventPayloadKind(ScannedRecord record)
    {
        Assert.Equal(RecordType.Event, record.Header.Type);
        Assert.True(EventPayload.TryRead(record.Payload, out DriveEventKind kind, out _));
        return kind;
    }
}
