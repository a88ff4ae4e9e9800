namespace Octopilot.Replay.Playback.Realtime;

/// <summary>
/// How close a real-time replay's live command stream came to the recorded one. Approximate by nature: the live planner
/// ticks on world models recomputed from frame sets that thread timing formed (which frames made a set, which set was
/// newest at a tick), so commands are matched by drive time, not by identity: each recorded tick is paired with the
/// live tick nearest to it in drive time, if one lies within <see cref="MaxPairingGapNs"/>. Bit-exact comparison is the
/// deterministic replay's (<see cref="DriveReplayer"/>).
/// </summary>
public sealed record CommandStreamComparison
{
    /// <summary>Recorded ticks paired with a live tick.</summary>
    public long Compared { get; init; }

    /// <summary>Recorded ticks in the window with no live tick within <see cref="MaxPairingGapNs"/> (the live planner was not running then).</summary>
    public long Unpaired { get; init; }

    /// <summary>Mean |live − recorded| target acceleration over the pairs, m/s².</summary>
    public double MeanAbsDeltaAccelMps2 { get; init; }

    /// <summary>Largest |live − recorded| target acceleration, m/s².</summary>
    public double MaxAbsDeltaAccelMps2 { get; init; }

    /// <summary>Recorded tick time of the largest difference, ns (0 when nothing was compared).</summary>
    public long MaxAbsDeltaAtNs { get; init; }

    /// <summary>Pairs whose longitudinal mode differs.</summary>
    public long ModeMismatches { get; init; }

    /// <summary>Recorded tick time of the first and the last mode mismatch, ns (0 when there is none): where to look.</summary>
    public long FirstModeMismatchAtNs { get; init; }

    public long LastModeMismatchAtNs { get; init; }

    /// <summary>Largest drive-time distance accepted between a recorded tick and its live partner, ns.</summary>
    public long MaxPairingGapNs { get; init; }

    /// <summary>Mean drive-time distance between paired ticks, ns (how well the live tick grid sat on the recorded one).</summary>
    public double MeanPairingGapNs { get; init; }

    /// <summary>
    /// Pairs every recorded tick in [<paramref name="fromNs"/>, <paramref name="toNs"/>) with the nearest live tick
    /// (both in tick order) and sums up the differences. Linear in the two lengths; allocates only the result.
    /// </summary>
    public static CommandStreamComparison Compare(IReadOnlyList<RecordedCommand> recorded, LiveCommandLog live, long fromNs, long toNs, long maxPairingGapNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxPairingGapNs);
        ReadOnlySpan<long> liveNs = live.TickNs;
        ReadOnlySpan<double> liveAccel = live.TargetAccelMps2;
        ReadOnlySpan<Planner.Outputs.LongitudinalMode> liveMode = live.Mode;
        long compared = 0, unpaired = 0, modeMismatches = 0, maxAtNs = 0, firstMismatchNs = 0, lastMismatchNs = 0;
        double sumDelta = 0, maxDelta = 0, sumGap = 0;
        int j = 0;
        for (int i = 0; i < recorded.Count; i++)
        {
            RecordedCommand entry = recorded[i];
            long tickNs = entry.Tick.NowNs;
            if (tickNs < fromNs || tickNs >= toNs)
            {
                continue;
            }

            // Live ticks are in time order: move to the last one at or before the recorded tick, then look one ahead.
            while (j + 1 < liveNs.Length && liveNs[j + 1] <= tickNs)
            {
                j++;
            }

            int nearest = -1;
            long gap = long.MaxValue;
            for (int k = j; k <= j + 1 && k < liveNs.Length; k++)
            {
                long d = Math.Abs(liveNs[k] - tickNs);
                if (d < gap)
                {
                    gap = d;
                    nearest = k;
                }
            }

            if (nearest < 0 || gap > maxPairingGapNs)
            {
                unpaired++;
                continue;
            }

            compared++;
            sumGap += gap;
            double delta = Math.Abs(liveAccel[nearest] - entry.Command.TargetAccelMps2);
            sumDelta += delta;
            if (delta > maxDelta)
            {
                maxDelta = delta;
                maxAtNs = tickNs;
            }

            if (liveMode[nearest] != entry.Command.Mode)
            {
                firstMismatchNs = modeMismatches == 0 ? tickNs : firstMismatchNs;
                lastMismatchNs = tickNs;
                modeMismatches++;
            }
        }

        return new CommandStreamComparison
        {
            Compared = compared,
            Unpaired = unpaired,
            MeanAbsDeltaAccelMps2 = compared > 0 ? sumDelta / compared : 0,
            MaxAbsDeltaAccelMps2 = maxDelta,
            MaxAbsDeltaAtNs = maxAtNs,
            ModeMismatches = modeMismatches,
            FirstModeMismatchAtNs = firstMismatchNs,
            LastModeMismatchAtNs = lastMismatchNs,
            MaxPairingGapNs = maxPairingGapNs,
            MeanPairingGapNs = compared > 0 ? sumGap / compared : 0,
        };
    }
}
