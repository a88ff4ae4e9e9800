using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>Frames start at sim start + phase + k·period on the injected clock; a late loop gets the newest frame and a sequence gap.</summary>
public class SyntheticCameraTimingTests
{
    private const long SimStartNs = 5_000_000_000;
    private const long PhaseNs = 2_600_000;
    private static readonly long PeriodNs = TimeUnits.PeriodNs(15);

    [Fact]
    public void WaitForFrame_OnTime_TicketsAtPhasePlusPeriodsWithConsecutiveSequence()
    {
        var clock = new VirtualClock(SimStartNs);
        using SyntheticCamera camera = OpenCamera(clock);

        for (long k = 0; k < 4; k++)
        {
            clock.AdvanceTo(SimStartNs + PhaseNs + (k * PeriodNs));
            Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket));
            Assert.Equal(SimStartNs + PhaseNs + (k * PeriodNs), ticket.StartOfFrameNs);
            Assert.Equal(k, ticket.Sequence);
            Assert.Equal(PhaseNs + (k * PeriodNs), camera.SimTimeOf(ticket));
        }

        Assert.Equal(0, camera.FramesDropped);
    }

    [Fact]
    public void WaitForFrame_BeforeDeadline_SleepsUntilTheClockReachesIt()
    {
        var clock = new VirtualClock(SimStartNs);
        using SyntheticCamera camera = OpenCamera(clock);
        FrameTicket ticket = default;
        var waiter = new Thread(() => camera.WaitForFrame(CancellationToken.None, out ticket));
        waiter.Start();

        clock.AdvanceTo(SimStartNs + PhaseNs - 1);
        Assert.False(waiter.Join(100), "the frame must not arrive before its start-of-frame time");
        clock.AdvanceTo(SimStartNs + PhaseNs);
        Assert.True(waiter.Join(5000));
        Assert.Equal(SimStartNs + PhaseNs, ticket.StartOfFrameNs);
    }

    [Fact]
    public void WaitForFrame_LoopFellBehindMoreThanAPeriod_JumpsToNewestDueFrameWithSequenceGap()
    {
        var clock = new VirtualClock(SimStartNs);
        using SyntheticCamera camera = OpenCamera(clock);
        clock.AdvanceTo(SimStartNs + PhaseNs);
        Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket first));

        clock.AdvanceTo(SimStartNs + PhaseNs + (3 * PeriodNs) + (PeriodNs / 2));
        Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket late));

        Assert.Equal(0, first.Sequence);
        Assert.Equal(3, late.Sequence);
        Assert.Equal(SimStartNs + PhaseNs + (3 * PeriodNs), late.StartOfFrameNs);
        Assert.Equal(2, camera.FramesDropped);
    }

    [Fact]
    public void WaitForFrame_LateByLessThanAPeriod_DeliversTheNextFrameWithoutGap()
    {
        var clock = new VirtualClock(SimStartNs);
        using SyntheticCamera camera = OpenCamera(clock);
        clock.AdvanceTo(SimStartNs + PhaseNs + (PeriodNs / 2));

        Assert.Equal(CaptureStatus.Ok, camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket));

        Assert.Equal(0, ticket.Sequence);
        Assert.Equal(SimStartNs + PhaseNs, ticket.StartOfFrameNs);
    }

    [Fact]
    public void WaitForFrame_Cancelled_ReturnsStopped()
    {
        var clock = new VirtualClock(SimStartNs);
        using SyntheticCamera camera = OpenCamera(clock);
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        Assert.Equal(CaptureStatus.Stopped, camera.WaitForFrame(cts.Token, out _));
    }

    [Fact]
    public void ReadFrame_ContentIsTheWorldAtTheTicketsOwnTime()
    {
        var clock = new VirtualClock(SimStartNs);
        using SyntheticCamera camera = OpenCamera(clock);
        clock.AdvanceTo(SimStartNs + PhaseNs + PeriodNs);
        camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket);
        var fromCamera = new byte[camera.Mode.FrameBytes];
        var direct = new byte[camera.Mode.FrameBytes];

        camera.ReadFrame(ticket, fromCamera);
        camera.Renderer.Render(PhaseNs + PeriodNs, direct);

        Assert.Equal(direct, fromCamera);
    }

    private static SyntheticCamera OpenCamera(VirtualClock clock)
    {
        var camera = new SyntheticCamera(TestFiles.DefaultRig[0], new HighwayWorld(TestFiles.DefaultScenario), clock, SimStartNs, PhaseNs);
        camera.Open(new CameraMode(384, 288, PixelFormat.Rgb24, 15));
        return camera;
    }
}
