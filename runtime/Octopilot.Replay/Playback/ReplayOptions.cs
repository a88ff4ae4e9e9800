namespace Octopilot.Replay.Playback;

/// <summary>How to replay a drive (`octopilot replay`).</summary>
public sealed record ReplayOptions
{
    public required string DriveFolder { get; init; }

    /// <summary>Stop at the first command that differs from the recorded one.</summary>
    public bool StopAtFirstDivergence { get; init; }

    /// <summary>Start of the compared window, s after the drive's first tick (state is still rebuilt from the start).</summary>
    public double? FromS { get; init; }

    /// <summary>End of the replay, s after the drive's first tick.</summary>
    public double? ToS { get; init; }

    /// <summary>Null: as fast as possible (virtual time). Else pace the ticks at this multiple of real time.</summary>
    public double? Speed { get; init; }

    /// <summary>Use the recorded world models instead of recomputing perception from the frames (planner-only replay).</summary>
    public bool PlannerOnly { get; init; }

    /// <summary>A model to use instead of the recorded one (compare a new model against the drive).</summary>
    public string? ModelPath { get; init; }

    /// <summary>Where the recorded model path is looked up when relative (the host's directory).</summary>
    public string? BaseDirectory { get; init; }
}
