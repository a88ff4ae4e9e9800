namespace Octopilot.Pipeline.Capture;

/// <summary>How a capture loop reacts to failures. Immutable; defaults are named with their reason.</summary>
public sealed record CaptureLoopOptions
{
    /// <summary>Frames after start before the steady-state allocation meter starts: JIT tiering and first-use caches settle in a few dozen.</summary>
    public const int DefaultWarmupFrames = 60;

    /// <summary>Consecutive timeouts after which the camera is treated as offline, so sets stop waiting for it.</summary>
    public const int DefaultTimeoutsBeforeOffline = 3;

    /// <summary>Pause after a device error before trying again: long enough not to spin on a broken device, short against a frame period.</summary>
    public const long DefaultErrorBackoffNs = 20_000_000;

    public int WarmupFrames { get; init; } = DefaultWarmupFrames;

    public int TimeoutsBeforeOffline { get; init; } = DefaultTimeoutsBeforeOffline;

    public long ErrorBackoffNs { get; init; } = DefaultErrorBackoffNs;
}
