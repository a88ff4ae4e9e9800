using Octopilot.Core.Frames;

namespace Octopilot.Pipeline.Tests.Infrastructure;

internal static class TestModes
{
    /// <summary>A small frame so tests move little memory: 32x24 RGB at 30 fps (period 33.3 ms).</summary>
    public static CameraMode Small30Fps { get; } = new(32, 24, PixelFormat.Rgb24, 30);

    public static readonly string[] EightNames =
        ["main_forward", "narrow_forward", "wide_forward", "left_pillar", "right_pillar", "left_repeater", "right_repeater", "rear"];
}
