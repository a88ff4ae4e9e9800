namespace Octopilot.Bench.Runner.Report;

/// <summary>Percentiles (nearest rank) over a sample of durations in ns.</summary>
public static class LatencyFigures
{
    public static (double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs) Of(IReadOnlyList<long> valuesNs)
    {
        if (valuesNs.Count == 0)
        {
            return (0, 0, 0, 0, 0);
        }

        long[] sorted = [.. valuesNs.Order()];
        return (Rank(sorted, 0.50), Rank(sorted, 0.90), Rank(sorted, 0.99), sorted[^1] / 1e6, sorted.Average() / 1e6);
    }

    /// <summary>The value at or below which <paramref name="fraction"/> of the sorted values lie (nearest rank), ms.</summary>
    public static double Rank(long[] sorted, double fraction)
    {
        int index = Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1);
        return sorted[index] / 1e6;
    }
}
