namespace Octopilot.Vehicle.Can.Sources;

/// <summary>How a <see cref="CandumpLogSource"/> hands out its frames.</summary>
public enum CandumpPacing : byte
{
    /// <summary>Each read returns the next frame at once; frames carry the log's own timestamps (boot seconds as ns).</summary>
    AsFastAsPossible = 0,

    /// <summary>
    /// Each frame is held until its offset from the first frame has passed on the injected clock, as the bus delivered
    /// it; frames carry that clock's time, so a reader judges silence exactly as on a live bus.
    /// </summary>
    Timestamps = 1,
}
