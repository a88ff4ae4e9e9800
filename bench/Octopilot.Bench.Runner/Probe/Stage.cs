namespace Octopilot.Bench.Runner.Probe;

/// <summary>The stages a bench report times, in pipeline order; each is the difference of two <see cref="SetStageRecord"/> stamps.</summary>
public enum Stage
{
    /// <summary>Oldest camera start of frame → set complete (exposure, readout and waiting for the set's last camera).</summary>
    SyncWait = 0,

    /// <summary>Set shipped → taken by the inference thread (queueing).</summary>
    Queueing = 1,

    /// <summary>The model run (or the oracle's decode) on the set.</summary>
    Inference = 2,

    /// <summary>Decode, BEV fusion, lane fit, projection and tracking → world model published.</summary>
    Fusion = 3,

    /// <summary>World model published → the planner's first command computed from it (the tick's wait and step).</summary>
    Tick = 4,

    /// <summary>Oldest start of frame → command emitted: the latency that matters in a car.</summary>
    EndToEnd = 5,
}

/// <summary>Names and the arithmetic of <see cref="Stage"/>.</summary>
public static class Stages
{
    public static readonly Stage[] All = [Stage.SyncWait, Stage.Queueing, Stage.Inference, Stage.Fusion, Stage.Tick, Stage.EndToEnd];

    /// <summary>The name used in reports, configs and on the command line.</summary>
    public static string Name(Stage stage) => stage switch
    {
        Stage.SyncWait => "syncWait",
        Stage.Queueing => "queueing",
        Stage.Inference => "inference",
        Stage.Fusion => "fusion",
        Stage.Tick => "tick",
        _ => "endToEnd",
    };

    public static string Description(Stage stage) => stage switch
    {
        Stage.SyncWait => "start of frame → set complete",
        Stage.Queueing => "set complete → inference start",
        Stage.Inference => "inference",
        Stage.Fusion => "decode + BEV fusion + tracking",
        Stage.Tick => "world model → command",
        _ => "start of frame → command",
    };

    public static bool TryParse(string name, out Stage stage)
    {
        foreach (Stage s in All)
        {
            if (string.Equals(Name(s), name, StringComparison.OrdinalIgnoreCase))
            {
                stage = s;
                return true;
            }
        }

        stage = default;
        return false;
    }

    /// <summary>The stage's duration in ns for a record whose command is known, or −1 when a stamp is missing.</summary>
    public static long DurationNs(in SetStageRecord r, Stage stage) => stage switch
    {
        Stage.SyncWait => Difference(r.ShippedNs, r.OldestStartOfFrameNs),
        Stage.Queueing => Difference(r.TakenNs, r.ShippedNs),
        Stage.Inference => Difference(r.PerceivedNs, r.TakenNs),
        Stage.Fusion => Difference(r.WorldModelNs, r.PerceivedNs),
        Stage.Tick => Difference(r.CommandNs, r.WorldModelNs),
        _ => Difference(r.CommandNs, r.OldestStartOfFrameNs),
    };

    private static long Difference(long later, long earlier) => later > 0 && earlier > 0 && later >= earlier ? later - earlier : -1;
}
