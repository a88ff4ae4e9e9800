namespace Octopilot.Replay.Playback;

/// <summary>The first tick whose recomputed command differs from the recorded one: where, when, and the two values.</summary>
public sealed record CommandDivergence(int TickIndex, long TickNs, double TickS, string Recorded, string Replayed, IReadOnlyList<string> Fields)
{
    public override string ToString() =>
        FormattableString.Invariant($"tick {TickIndex} at {TickS:0.000} s ({TickNs} ns): {string.Join("; ", Fields)}\n  recorded: {Recorded}\n  replayed: {Replayed}");
}
