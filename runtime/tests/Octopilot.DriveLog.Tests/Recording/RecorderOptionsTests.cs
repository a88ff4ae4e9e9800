using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using static Octopilot.DriveLog.Tests.Recording.RecorderTestSupport;

namespace Octopilot.DriveLog.Tests.Recording;

public class RecorderOptionsTests
{
    public static TheoryData<string, Func<RecorderOptions, RecorderOptions>> BrokenOptions => new()
    {
        { "SegmentLengthS", o => o with { SegmentLengthS = 0 } },
        { "SegmentLengthS", o => o with { SegmentLengthS = double.NaN } },
        { "FsyncIntervalS", o => o with { FsyncIntervalS = 0.001 } },
        { "FlushIntervalMs", o => o with { FlushIntervalMs = 0 } },
        { "ProducerCapacityBytes", o => o with { ProducerCapacityBytes = 1000 } },
        { "MaxQueuedBatches", o => o with { MaxQueuedBatches = 0 } },
        { "MaxBatchWaitS", o => o with { MaxBatchWaitS = 0 } },
        { "SegmentBufferBytes", o => o with { SegmentBufferBytes = 100 } },
        { "Fsync", o => o with { Fsync = (FsyncPolicy)7 } },
    };

    [Theory]
    [MemberData(nameof(BrokenOptions))]
    public void Validate_BrokenRule_ThrowsNamingOptionAndValue(string option, Func<RecorderOptions, RecorderOptions> breakIt)
    {
        using var drive = new TempDrive();
        RecorderOptions options = breakIt(drive.Options());
        var e = Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
        Assert.Equal(option, e.ParamName);
        Assert.Contains($"RecorderOptions.{option} = ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Pass()
    {
        using var drive = new TempDrive();
        drive.Options().Validate();
        Assert.Equal(60.0, drive.Options().SegmentLengthS);
        Assert.Equal(FsyncPolicy.Interval, drive.Options().Fsync);
    }

    [Fact]
    public void Constructor_FolderAlreadyHoldsSegments_ThrowsNamingFolderAndSegment()
    {
        using var drive = new TempDrive();
        using (var recorder = new DriveRecorder(drive.Options()))
        {
            Assert.True(recorder.CreateProducer("p").TryWrite(RecordType.VehicleState, 0, 1, Payload(0, 0, 8)));
        }

        var e = Assert.Throws<IOException>(() => new DriveRecorder(drive.Options()));
        Assert.Contains(drive.Folder, e.Message, StringComparison.Ordinal);
        Assert.Contains("segment-000000.oplog", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Recorder_RunsOnItsOwnNamedThread_AndStopIsIdempotent()
    {
        using var drive = new TempDrive();
        string? threadName = null;
        var recorder = new DriveRecorder(drive.Options() with { Notices = _ => threadName = Thread.CurrentThread.Name });
        Assert.True(recorder.CreateProducer("p").TryWrite(RecordType.VehicleState, 0, 1, Payload(0, 0, 8)));
        recorder.Stop();
        recorder.Stop();
        recorder.Dispose();
        Assert.Equal(DriveRecorder.ThreadName, threadName);
        Assert.Equal(RecorderState.Stopped, recorder.State);
        Assert.False(recorder.CreateProducer("late").TryWrite(RecordType.VehicleState, 0, 2, Payload(0, 1, 8)));
    }

    [Fact]
    public void Stop_NothingEverRecorded_LeavesAnEmptyFolder()
    {
        using var drive = new TempDrive();
        using (new DriveRecorder(drive.Options()))
        {
        }

        Assert.Empty(Directory.GetFiles(drive.Folder));
    }
}
