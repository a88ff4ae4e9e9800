namespace Octopilot.Host.Evaluation;

/// <summary>
/// BEV position errors (distance between a projected point and the label's ground centre, metres, and that distance as
/// a percentage of the label's horizontal range) per label distance band, and how many could not be placed at all
/// (the projector rejected the box). Percentiles are nearest-rank: p90 = the ⌈0.9·n⌉-th smallest.
/// </summary>
internal sealed class PlacementErrors
{
    private readonly List<(double ErrorM, double ErrorPercent)>[] _bands = DistanceBands.All.Select(_ => new List<(double, double)>()).ToArray();
    private readonly int[] _notPlaced = new int[DistanceBands.All.Count];

    public void AddPlaced(double labelRangeM, double errorM)
    {
        for (int b = 0; b < _bands.Length; b++)
        {
            if (DistanceBands.All[b].Contains(labelRangeM))
            {
                _bands[b].Add((errorM, 100 * errorM / Math.Max(labelRangeM, MinRangeForPercentM)));
            }
        }
    }

    public void AddNotPlaced(double labelRangeM)
    {
        for (int b = 0; b < _bands.Length; b++)
        {
            _notPlaced[b] += DistanceBands.All[b].Contains(labelRangeM) ? 1 : 0;
        }
    }

    /// <summary>Smallest range a percentage is taken of, metres: an object beside the ego (range ≈ 0) would give an unbounded percentage.</summary>
    public const double MinRangeForPercentM = 1.0;

    public IReadOnlyList<PlacementSummary> Summaries => _bands.Select((list, b) => Summarise(DistanceBands.All[b].Name, list, _notPlaced[b])).ToArray();

    internal static double Percentile(double[] sorted, double fraction) => sorted[Math.Max(0, (int)Math.Ceiling(fraction * sorted.Length) - 1)];

    private static PlacementSummary Summarise(string band, List<(double ErrorM, double ErrorPercent)> list, int notPlaced)
    {
        if (list.Count == 0)
        {
            return new PlacementSummary(band, 0, notPlaced, null, null, null, null, null, null);
        }

        double[] m = list.Select(e => e.ErrorM).Order().ToArray();
        double[] pct = list.Select(e => e.ErrorPercent).Order().ToArray();
        return new PlacementSummary(band, list.Count, notPlaced, m.Average(), Percentile(m, 0.5), Percentile(m, 0.9), pct.Average(), Percentile(pct, 0.5), Percentile(pct, 0.9));
    }
}
