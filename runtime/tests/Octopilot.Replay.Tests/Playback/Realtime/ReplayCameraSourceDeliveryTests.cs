using Octopilot.Cameras;
using Octopilot.Core.Time;
using Octopilot.Replay.Playback.Realtime;
using Octopilot.Replay.Tests.Infrastructure;

namespace Octopilot.Replay.Tests.Playback.Realtime;

/// <summary>A recorded drive's frames come out of <see cref="ReplayCameraSource"/> whole, in order, at their recorded times.</summary>
public sealed class ReplayCameraSourceDeliveryTests
{
    private const int Frames = 12;

    [Fact]
    public void ReadFrame_EveryRecordedFrame_BitIdenticalInOrderWithRecordedStartAndSequence()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, Frames);
        var destination = new byte[CameraDrive.FrameBytes];

        for (int k = 0; k < Frames; k++)
        {
            for (int c = 0; c < 2; c++)
            {
                ReplayCameraSource camera = fixture.Cameras[c];
                clock.AdvanceTo(CameraDrive.StartOfFrameNs(c, k));

                Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket));
                Assert.Equal(CameraDrive.StartOfFrameNs(c, k), ticket.StartOfFrameNs);
                Assert.Equal(CameraDrive.Sequence(k), ticket.Sequence);
                Assert.Equal(CaptureStatus.Ok, camera.ReadFrame(ticket, destination));
                Assert.Equal(CameraDrive.Pixels(c, k), destination);
            }
        }

        Assert.All(fixture.Cameras, c => Assert.Equal(Frames, c.FramesDelivered));
        Assert.All(fixture.Cameras, c => Assert.Equal(0, c.FramesSkippedLate));
    }

    [Fact]
    public void WaitForFrame_BeforeTheFrameIsDue_BlocksUntilTheClockReachesItsStartOfFrame()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, 3);
        ReplayCameraSource camera = fixture.Cameras[1];
        long dueNs = CameraDrive.StartOfFrameNs(1, 0);
        FrameTicket ticket = default;

        var wait = new ThreadCall<CaptureStatus>(() => camera.WaitForFrame(CancellationToken.None, out ticket));
        Assert.False(wait.Returned(100));
        clock.AdvanceTo(dueNs - 1);
        Assert.False(wait.Returned(100));
        clock.AdvanceTo(dueNs);

        Assert.True(wait.Returned(5_000));
        Assert.Equal(CaptureStatus.Ok, wait.Result);
        Assert.Equal(dueNs, ticket.StartOfFrameNs);
    }

    [Fact]
    public void WaitForFrame_OnADriveTimeClockAtTwiceRealTime_FallsDueAtTheMappedWallTime()
    {
        // Wall time: a virtual clock. Drive time: the recording's own, paced at 2x; frame k is due at
        // wallOrigin + (sof_k - driveOrigin) / 2 and keeps its recorded stamp.
        var wall = new VirtualClock(0);
        const long wallOriginNs = 1_000_000_000;
        var clock = new DriveTimeClock(wall, CameraDrive.StartOfFrameNs(0, 0), wallOriginNs, speed: 2);
        using var fixture = new ReplayCameraFixture(clock, 4);
        ReplayCameraSource camera = fixture.Cameras[0];
        var destination = new byte[CameraDrive.FrameBytes];

        for (int k = 0; k < 4; k++)
        {
            long recordedNs = CameraDrive.StartOfFrameNs(0, k);
            long dueWallNs = wallOriginNs + (long)Math.Ceiling((recordedNs - CameraDrive.StartOfFrameNs(0, 0)) / 2.0);
            if (dueWallNs > wall.NowNs)
            {
                wall.AdvanceTo(dueWallNs - 1);
            }

            FrameTicket ticket = default;
            var wait = new ThreadCall<CaptureStatus>(() => camera.WaitForFrame(CancellationToken.None, out ticket));
            Assert.False(wait.Returned(50), $"frame {k} was delivered before its mapped wall time");
            wall.AdvanceTo(dueWallNs);
            Assert.True(wait.Returned(5_000));
            Assert.Equal(CaptureStatus.Ok, wait.Result);
            Assert.Equal(recordedNs, ticket.StartOfFrameNs);
            Assert.Equal(CaptureStatus.Ok, camera.ReadFrame(ticket, destination));
        }
    }

    [Fact]
    public void WaitForFrame_AfterTheLastRecordedFrame_ReturnsEndOfStream_AndKeepsReturningIt()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, 2);
        ReplayCameraSource camera = fixture.Cameras[0];
        var destination = new byte[CameraDrive.FrameBytes];
        clock.AdvanceTo(CameraDrive.StartOfFrameNs(0, 0));
        Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket first));
        Assert.Equal(CaptureStatus.Ok, camera.ReadFrame(first, destination));
        clock.AdvanceTo(CameraDrive.StartOfFrameNs(0, 1));
        Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket second));
        camera.SkipFrame(second);

        Assert.Equal(CaptureStatus.EndOfStream, camera.WaitForFrame(CancellationToken.None, out _));
        Assert.Equal(CaptureStatus.EndOfStream, camera.WaitForFrame(CancellationToken.None, out _));
        Assert.Equal(1, camera.FramesDelivered);
        Assert.Equal(1, camera.FramesSkipped);
    }

    [Fact]
    public void WaitForFrame_WhenNewerFramesAreAlreadyDue_DeliversTheNewestDue_AndCountsTheOlderAsLate()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, 6);
        fixture.WaitQueued(0, 4);
        clock.AdvanceTo(CameraDrive.StartOfFrameNs(0, 2));

        Assert.Equal(CaptureStatus.Ok, fixture.Cameras[0].WaitForFrame(CancellationToken.None, out FrameTicket ticket));

        Assert.Equal(CameraDrive.StartOfFrameNs(0, 2), ticket.StartOfFrameNs);
        Assert.Equal(CameraDrive.Sequence(2), ticket.Sequence); // the jump reads as a device gap in the capture loop
        Assert.Equal(2, fixture.Cameras[0].FramesSkippedLate);
        var destination = new byte[CameraDrive.FrameBytes];
        Assert.Equal(CaptureStatus.Ok, fixture.Cameras[0].ReadFrame(ticket, destination));
        Assert.Equal(CameraDrive.Pixels(0, 2), destination);
    }

    [Fact]
    public void WaitForFrame_Cancelled_ReturnsStopped_AndTheFrameStaysForTheNextWait()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, 2);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Equal(CaptureStatus.Stopped, fixture.Cameras[0].WaitForFrame(cancelled.Token, out _));

        clock.AdvanceTo(CameraDrive.StartOfFrameNs(0, 0));
        Assert.Equal(CaptureStatus.Ok, fixture.Cameras[0].WaitForFrame(CancellationToken.None, out FrameTicket ticket));
        Assert.Equal(CameraDrive.Sequence(0), ticket.Sequence);
    }

    [Fact]
    public void Feed_WithAQueueOfOne_StillDeliversEveryFrameOfBothCameras()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, Frames, queueDepth: 1);
        var destination = new byte[CameraDrive.FrameBytes];

        for (int k = 0; k < Frames; k++)
        {
            for (int c = 0; c < 2; c++)
            {
                clock.AdvanceTo(CameraDrive.StartOfFrameNs(c, k));
                Assert.Equal(CaptureStatus.Ok, fixture.Cameras[c].WaitForFrame(CancellationToken.None, out FrameTicket ticket));
                Assert.Equal(CaptureStatus.Ok, fixture.Cameras[c].ReadFrame(ticket, destination));
                Assert.Equal(CameraDrive.Pixels(c, k), destination);
            }
        }
    }
}
