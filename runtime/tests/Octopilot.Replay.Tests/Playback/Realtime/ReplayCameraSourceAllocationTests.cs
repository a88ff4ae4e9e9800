using Octopilot.Cameras;
using Octopilot.Core.Time;
using Octopilot.Replay.Tests.Infrastructure;

namespace Octopilot.Replay.Tests.Playback.Realtime;

/// <summary>The capture side of a replay camera allocates nothing per frame once warm.</summary>
public sealed class ReplayCameraSourceAllocationTests
{
    private const int WarmupFrames = 20;
    private const int MeasuredFrames = 60;

    [Fact]
    public void WaitForFrameAndReadFrame_AfterWarmUp_AllocateNothingOnTheCapturingThread()
    {
        var clock = new VirtualClock(0);
        using var fixture = new ReplayCameraFixture(clock, WarmupFrames + MeasuredFrames);
        var destination = new byte[CameraDrive.FrameBytes];
        int delivered = 0;
        long before = 0;

        for (int k = 0; k < WarmupFrames + MeasuredFrames; k++)
        {
            if (k == WarmupFrames)
            {
                before = GC.GetAllocatedBytesForCurrentThread();
            }

            for (int c = 0; c < 2; c++)
            {
                clock.AdvanceTo(CameraDrive.StartOfFrameNs(c, k));
                if (fixture.Cameras[c].WaitForFrame(CancellationToken.None, out FrameTicket ticket) == CaptureStatus.Ok
                    && fixture.Cameras[c].ReadFrame(ticket, destination) == CaptureStatus.Ok)
                {
                    delivered++;
                }
            }
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(2 * (WarmupFrames + MeasuredFrames), delivered);
        Assert.Equal(0, allocated);
    }
}
