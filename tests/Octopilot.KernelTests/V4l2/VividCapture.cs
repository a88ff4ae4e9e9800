using Octopilot.Cameras;
using Octopilot.Cameras.V4l2;

namespace Octopilot.KernelTests.V4l2;

/// <summary>Reads frames from a camera the way the capture loop does (wait, then read into the slot), for the tests.</summary>
internal static class VividCapture
{
    /// <summary>What one wait/read produced.</summary>
    internal readonly record struct Step(CaptureStatus Wait, CaptureStatus Read, FrameTicket Ticket, long DequeuedAtNs);

    /// <summary>Runs <paramref name="frames"/> wait/read steps into <paramref name="rgb"/>; the last frame's pixels stay there.</summary>
    public static List<Step> Read(V4l2Camera camera, int frames, byte[] rgb, Func<long> nowNs)
    {
        var steps = new List<Step>(frames);
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        for (int i = 0; i < frames; i++)
        {
            CaptureStatus wait = camera.WaitForFrame(cancel.Token, out FrameTicket ticket);
            long at = nowNs();
            CaptureStatus read = wait == CaptureStatus.Ok ? camera.ReadFrame(ticket, rgb) : wait;
            steps.Add(new Step(wait, read, ticket, at));
        }

        return steps;
    }
}
