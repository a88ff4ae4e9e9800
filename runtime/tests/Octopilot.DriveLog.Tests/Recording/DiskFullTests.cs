using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using Octopilot.DriveLog.Writing;
using Xunit.Abstractions;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

/// <summary>
/// Disk full, from the kernel: every segment is opened on /dev/full, where each write fails with ENOSPC.
/// </summary>
public class DiskFullTests(ITestOutputHelper output)
{
    private const string DevFull = "/dev/full";

    [Fact]
    public void WriteFailsWithEnospc_RecorderFails_MessageNamesSegmentAndError_ProducersRefusedWithoutException()
    {
        Assert.True(File.Exists(DevFull), "needs /dev/full (Linux)");
        using var drive = new TempDrive();
        var notices = new List<RecorderEvent>();
        var statistics = new RecorderStatistics();
        RecorderOptions options = drive.Options() with
        {
            SegmentWriterFactory = (_, info, bufferBytes) => SegmentWriter.OpenExisting(DevFull, info, bufferBytes),
            Notices = e =>
            {
                lock (notices)
                {
                    notices.Add(e);
                }
            },
        };

        using var recorder = new DriveRecorder(options);
        RecordProducer producer = recorder.CreateProducer("ticks");
        Assert.True(producer.TryWrite(RecordType.VehicleState, 1, 1_000, Payload(1, 0, 64)));
        Assert.True(WaitFor(() => recorder.State == RecorderState.Failed, TimeSpan.FromSeconds(5)), "the first flush to /dev/full must fail");

        string message = recorder.FailureMessage!;
        output.WriteLine(message);
        Assert.Contains(Path.Combine(drive.Folder, "segment-000000.oplog"), message, StringComparison.Ordinal);
        Assert.Contains("No space left on device", message, StringComparison.Ordinal);
        for (int i = 1; i <= 100; i++)
        {
            Assert.False(producer.TryWrite(RecordType.VehicleState, 1, 1_000 + i, Payload(1, i, 64)));
        }

        var late = new TestBatch(5_000, (RecordType.CameraFrame, 0, 5_000, Payload(0, 0, 100)));
        Assert.False(recorder.TryEnqueueBatch(late));
        Assert.Equal(0, late.Releases); // refused: the caller keeps it

        recorder.Stop(); // after a failure Stop just joins; nothing throws
        recorder.ReadStatistics(statistics);
        Assert.Equal(RecorderState.Failed, statistics.State);
        Assert.Equal(message, statistics.FailureMessage);
        Assert.Equal(100, statistics.RecordsNotRecordedAfterStop);
        Assert.Equal(0, statistics.CriticalRecordsLost);
        Assert.Equal(1, statistics.BatchesNotRecordedAfterStop);
        Assert.Single(notices, n => n.Kind == DriveEventKind.RecorderFailed && n.Message == message);
    }

    [Fact]
    public void FailureWhileBatchesAreQueued_EveryAcceptedBatchReleasedExactlyOnce_QueuedOnesNeverWritten()
    {
        Assert.True(File.Exists(DevFull), "needs /dev/full (Linux)");
        using var drive = new TempDrive();
        using var opening = new ManualResetEventSlim();
        using var gate = new ManualResetEventSlim();
        RecorderOptions options = drive.Options() with
        {
            // The first segment's open holds the recorder thread until three more batches are queued, then writes the
            // header to /dev/full, which fails.
            SegmentWriterFactory = (_, info, bufferBytes) =>
            {
                opening.Set();
                gate.Wait();
                return SegmentWriter.OpenExisting(DevFull, info, bufferBytes);
            },
            MaxQueuedBatches = 3,
        };

        var first = new TestBatch(1_000, (RecordType.CameraFrame, 0, 1_000, Payload(0, 0, 1000)));
        var queued = Enumerable.Range(1, 3).Select(i => new TestBatch(1_000 + i, (RecordType.CameraFrame, 0, 1_000 + i, Payload(0, i, 1000)))).ToList();
        using var recorder = new DriveRecorder(options);
        Assert.True(recorder.TryEnqueueBatch(first));
        Assert.True(opening.Wait(TimeSpan.FromSeconds(5)));
        Assert.All(queued, b => Assert.True(recorder.TryEnqueueBatch(b)));
        gate.Set();

        Assert.True(WaitFor(() => recorder.State == RecorderState.Failed, TimeSpan.FromSeconds(5)));
        recorder.Stop();
        Assert.All(queued.Prepend(first), b => Assert.Equal((0, 1), (b.Writes, b.Releases)));
        var statistics = new RecorderStatistics();
        recorder.ReadStatistics(statistics);
        Assert.Equal(0, statistics.BatchesWritten);
        Assert.Equal(3, statistics.BatchesNotRecordedAfterStop);
        Assert.Contains("segment-000000.oplog", recorder.FailureMessage, StringComparison.Ordinal);
    }

    /// <summary>
    /// The disk fills up inside a batch's WriteRecords (where it most likely will: frames are most of the bytes). The
    /// segment is /dev/full without a header, so the first write is the batch's 2 MiB frame, written straight to the
    /// file. The batch's code sees no exception, its later append is ignored, it is released once, recording fails.
    /// </summary>
    [Fact]
    public void WriteFailsInsideABatch_BatchSeesNoException_ReleasedOnce_RecorderFails()
    {
        Assert.True(File.Exists(DevFull), "needs /dev/full (Linux)");
        using var drive = new TempDrive();
        RecorderOptions options = drive.Options() with
        {
            SegmentWriterFactory = (_, info, bufferBytes) => SegmentWriter.OpenExisting(DevFull, info, bufferBytes, writeHeader: false),
        };

        var batch = new TestBatch(
            1_000,
            (RecordType.CameraFrame, 0, 1_000, Payload(0, 0, 2 << 20)),
            (RecordType.CameraFrame, 1, 1_000, Payload(1, 0, 100)));
        using var recorder = new DriveRecorder(options);
        Assert.True(recorder.TryEnqueueBatch(batch));
        Assert.True(WaitFor(() => recorder.State == RecorderState.Failed, TimeSpan.FromSeconds(5)));
        recorder.Stop();

        var statistics = new RecorderStatistics();
        recorder.ReadStatistics(statistics);
        Assert.Equal((1, 1), (batch.Writes, batch.Releases));
        Assert.Equal(0, statistics.BatchErrors); // the sink kept the error from the batch's code
        Assert.Equal(0, statistics.BatchesWritten);
        Assert.Contains("segment-000000.oplog", recorder.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("No space left on device", recorder.FailureMessage, StringComparison.Ordinal);
    }
}
