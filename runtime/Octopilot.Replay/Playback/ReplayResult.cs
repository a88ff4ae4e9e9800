using Octopilot.DriveLog.Reading;

namespace Octopilot.Replay.Playback;

/// <summary>What a replay did and found.</summary>
public sealed class ReplayResult
{
    public long TicksReplayed { get; set; }

    public long CommandsCompared { get; set; }

    public long CommandsDiffering { get; set; }

    public CommandDivergence? FirstDivergence { get; set; }

    public long SetsProcessed { get; set; }

    public long FramesDecoded { get; set; }

    /// <summary>Frames that were in a set live but are not in the log (decimation, dropped by the recorder, damage).</summary>
    public long FramesMissing { get; set; }

    /// <summary>Frames whose LZ4 block did not decode to a whole frame.</summary>
    public long FramesCorrupt { get; set; }

    public long WorldModelsCompared { get; set; }

    public long WorldModelsDiffering { get; set; }

    /// <summary>Ticks whose world model (by stamp) could not be recomputed (its set is missing from the log).</summary>
    public long WorldModelsUnavailable { get; set; }

    /// <summary>Command stream of this replay: every recomputed command's bytes, hashed in order (compare runs with it).</summary>
    public ulong CommandStreamHash { get; set; }

    public double DriveS { get; set; }

    public double WallS { get; set; }

    public double SpeedFactor => WallS > 0 ? DriveS / WallS : 0;

    public string Perception { get; set; } = string.Empty;

    public List<string> Warnings { get; } = [];

    public IReadOnlyList<DriveLogDamage> Damages { get; set; } = [];

    public bool Identical => CommandsDiffering == 0 && CommandsCompared > 0;
}
