using Octopilot.Cameras;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Replay.Tests.Infrastructure;

namespace Octopilot.Replay.Tests.Playback.Realtime;

/// <summary>Bad frames are statuses, never exceptions; a mode the drive did not record is refused by name.</summary>
public sealed class ReplayCameraSourceFailureTests
{
    [Theory]
    [InlineData(FrameDamage.TruncatedBlock)]
    [InlineData(FrameDamage.WrongSize)]
    public void ReadFrame_CorruptPayload_ReturnsCorruptFrame_AndTheNextFrameIsWhole(FrameDamage damage)
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, 3, damage: (camera, frame) => camera == 0 && frame == 1 ? damage : FrameDamage.None);
        var destination = new byte[CameraDrive.FrameBytes];
        var statuses = new List<CaptureStatus>();

        for (int k = 0; k < 3; k++)
        {
            clock.AdvanceTo(CameraDrive.StartOfFrameNs(0, k));
            Assert.Equal(CaptureStatus.Ok, fixture.Cameras[0].WaitForFrame(CancellationToken.None, out FrameTicket ticket));
            Assert.Equal(CameraDrive.Sequence(k), ticket.Sequence);
            statuses.Add(fixture.Cameras[0].ReadFrame(ticket, destination));
        }

        Assert.Equal([CaptureStatus.Ok, CaptureStatus.CorruptFrame, CaptureStatus.Ok], statuses);
        Assert.Equal(CameraDrive.Pixels(0, 2), destination);
        Assert.Equal(1, fixture.Cameras[0].FramesCorrupt);
        Assert.Equal(2, fixture.Cameras[0].FramesDelivered);
    }

    [Theory]
    [InlineData(128, 96, PixelFormat.Rgb24)]
    [InlineData(64, 48, PixelFormat.Yuyv)]
    public void Open_ModeTheDriveDidNotRecord_ThrowsCameraExceptionNamingTheCameraAndTheRecordedMode(int width, int height, PixelFormat format)
    {
        using var fixture = new ReplayCameraFixture(new VirtualClock(0), 1, open: false);
        var asked = new CameraMode(width, height, format, 15);

        CameraException e = Assert.Throws<CameraException>(() => fixture.Cameras[1].Open(asked));

        Assert.Contains("'rear'", e.Message, StringComparison.Ordinal);
        Assert.Contains(asked.ToString(), e.Message, StringComparison.Ordinal);
        Assert.Contains("64x48 Rgb24 @ 15 fps", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RecordedSizeAtAnotherRate_IsAccepted()
    {
        using var fixture = new ReplayCameraFixture(new VirtualClock(0), 1, open: false);

        fixture.Cameras[0].Open(new CameraMode(CameraDrive.WidthPx, CameraDrive.HeightPx, PixelFormat.Rgb24, 30));

        Assert.Equal(30, fixture.Cameras[0].Mode.FramesPerSecond);
        Assert.Equal(15, fixture.Cameras[0].RecordedMode.FramesPerSecond);
    }

    [Fact]
    public void WaitForFrame_BeforeOpen_Throws()
    {
        using var fixture = new ReplayCameraFixture(new VirtualClock(0), 1, open: false);

        Assert.Throws<InvalidOperationException>(() => fixture.Cameras[0].WaitForFrame(CancellationToken.None, out _));
    }
}
