using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>A rendered frame allocates nothing on the managed heap once the camera is open.</summary>
public class AllocationTests
{
    private const int Frames = 50;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadFrame_AfterWarmUp_AllocatesZeroBytes(bool withLabels)
    {
        var clock = new VirtualClock(1_000_000_000);
        using var camera = new SyntheticCamera(TestFiles.DefaultRig[2], new HighwayWorld(TestFiles.DefaultScenario), clock, 1_000_000_000, 500_000);
        camera.Open(new CameraMode(384, 288, PixelFormat.Rgb24, 15));
        var rgb = new byte[camera.Mode.FrameBytes];
        LabelBuffer labels = camera.CreateLabelBuffer();
        // Enough frames for the renderer to reach its final JIT tier: tiering and OSR can allocate on the calling thread
        // while they run (7.6 KB in one CI run after 3 warm-up frames).
        RunFrames(camera, clock, rgb, labels, withLabels, 100);

        long before = GC.GetAllocatedBytesForCurrentThread();
        RunFrames(camera, clock, rgb, labels, withLabels, Frames);
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
    }

    private static void RunFrames(SyntheticCamera camera, VirtualClock clock, byte[] rgb, LabelBuffer labels, bool withLabels, int count)
    {
        // Statuses are checked after the loop: an assertion inside it could allocate and blame the camera.
        bool allOk = true;
        for (int k = 0; k < count; k++)
        {
            clock.Advance(camera.Mode.FramePeriodNs);
            allOk &= camera.WaitForFrame(CancellationToken.None, out FrameTicket ticket) == CaptureStatus.Ok;
            allOk &= (withLabels ? camera.ReadFrame(ticket, rgb, labels) : camera.ReadFrame(ticket, rgb)) == CaptureStatus.Ok;
        }

        Assert.True(allOk);
    }
}
