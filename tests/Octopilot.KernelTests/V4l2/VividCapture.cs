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

    /// <summary>vivid's 75 % colour bars, left to right, in R'G'B' (0.75 · 255 = 191).</summary>
    private static readonly (string Name, byte R, byte G, byte B)[] Bars =
    [
        ("white", 191, 191, 191), ("yellow", 191, 191, 0), ("cyan", 0, 191, 191), ("green", 0, 191, 0),
        ("magenta", 191, 0, 191), ("red", 191, 0, 0), ("blue", 0, 0, 191), ("black", 0, 0, 0),
    ];

    /// <summary>Tolerance per channel: 8-bit limited-range YUV round trips land within a few levels of the bar's colour.</summary>
    private const int ColourToleranceLevels = 10;

    /// <summary>Checks vivid's default pattern (75 % colour bars; its on-screen text turned off) in an RGB24 frame.</summary>
    public static void AssertColourBars(byte[] rgb, int widthPx, int heightPx, string format)
    {
        int y = heightPx * 3 / 4; // below vivid's on-screen text
        var failures = new List<string>();
        for (int bar = 0; bar < Bars.Length; bar++)
        {
            int x = ((2 * bar) + 1) * widthPx / (2 * Bars.Length);
            int at = ((y * widthPx) + x) * 3;
            (string name, byte r, byte g, byte b) = Bars[bar];
            if (Math.Abs(rgb[at] - r) > ColourToleranceLevels || Math.Abs(rgb[at + 1] - g) > ColourToleranceLevels || Math.Abs(rgb[at + 2] - b) > ColourToleranceLevels)
            {
                failures.Add($"{name} bar at x {x}: got RGB {rgb[at]},{rgb[at + 1]},{rgb[at + 2]}, expected {r},{g},{b}");
            }
        }

        Assert.True(failures.Count == 0, $"{format}: " + string.Join("; ", failures));
    }
}
