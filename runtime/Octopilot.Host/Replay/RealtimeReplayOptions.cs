namespace Octopilot.Host.Replay;

/// <summary>How to replay a drive in real time (`octopilot replay DIR --realtime`). Validated by the command line.</summary>
internal sealed record RealtimeReplayOptions
{
    /// <summary>One status line per wall second.</summary>
    public const double DefaultStatusIntervalS = 1.0;

    public required string DriveFolder { get; init; }

    /// <summary>Drive seconds per wall second: 1 = real time.</summary>
    public double Speed { get; init; } = 1.0;

    /// <summary>Start of the replay, s after the drive's first tick (null: the drive's start).</summary>
    public double? FromS { get; init; }

    /// <summary>End of the replay, s after the drive's first tick (null: the drive's end).</summary>
    public double? ToS { get; init; }

    /// <summary>A model to use instead of the recorded one (drives recorded with --perception model).</summary>
    public string? ModelPath { get; init; }

    /// <summary>Where the recorded model path is looked up when relative (the host's directory).</summary>
    public string? BaseDirectory { get; init; }

    public double StatusIntervalS { get; init; } = DefaultStatusIntervalS;

    /// <summary>`octopilot bench --cameras replay:DIR`'s instrumentation; null for a plain replay.</summary>
    internal Bench.BenchHooks? Bench { get; init; }
}
