namespace Octopilot.Host.Evaluation;

/// <summary>
/// Detection counts per score threshold and distance band, summed over every image added. At threshold t only
/// detections with score ≥ t exist. Per band:
/// <list type="bullet">
/// <item>labels: evaluable labels whose ground-centre range is in the band; matched: those whose detection exists at t;</item>
/// <item>true positives: existing detections matched to an evaluable label in the band (the label's range decides);</item>
/// <item>false positives: existing unmatched detections whose own projected range is in the band; one the projector
/// could not place is in no distance band, only in "all" (and counted as unplaced);</item>
/// <item>a detection matched to an ignore label counts nowhere.</item>
/// </list>
/// The last band, "all", has no range limit. Recall = matched / labels, precision = TP / (TP + FP); null when the
/// denominator is 0.
/// </summary>
internal sealed class ObjectCounts
{
    private readonly long[,] _labels, _matched, _truePositives, _falsePositives;
    private readonly long[] _unplacedFalsePositives;

    /// <param name="thresholds">Score thresholds to count at (the operating one and the sweep).</param>
    public ObjectCounts(IReadOnlyList<float> thresholds)
    {
        Thresholds = thresholds;
        int bands = BandNames.Count;
        _labels = new long[thresholds.Count, bands];
        _matched = new long[thresholds.Count, bands];
        _truePositives = new long[thresholds.Count, bands];
        _falsePositives = new long[thresholds.Count, bands];
        _unplacedFalsePositives = new long[thresholds.Count];
    }

    public IReadOnlyList<float> Thresholds { get; }

    /// <summary><see cref="DistanceBands.All"/> and then "all".</summary>
    public static IReadOnlyList<string> BandNames { get; } = [.. DistanceBands.All.Select(b => b.Name), "all"];

    public int EvaluableLabels { get; private set; }

    public int IgnoreLabels { get; private set; }

    public void Add(IReadOnlyList<EvaluatedLabel> labels, IReadOnlyList<ScoredDetection> detections)
    {
        EvaluableLabels += labels.Count(l => l.Evaluable);
        IgnoreLabels += labels.Count(l => !l.Evaluable);
        var bestScore = new float[labels.Count];
        Array.Fill(bestScore, float.NegativeInfinity);
        foreach (ScoredDetection d in detections.Where(d => d.Label >= 0))
        {
            bestScore[d.Label] = Math.Max(bestScore[d.Label], d.Score);
        }

        for (int t = 0; t < Thresholds.Count; t++)
        {
            float threshold = Thresholds[t];
            for (int l = 0; l < labels.Count; l++)
            {
                if (labels[l].Evaluable)
                {
                    AddInBands(_labels, t, labels[l].RangeM);
                    AddInBands(_matched, t, bestScore[l] >= threshold ? labels[l].RangeM : double.NaN);
                }
            }

            foreach (ScoredDetection d in detections.Where(d => d.Score >= threshold))
            {
                if (d.Label >= 0)
                {
                    AddInBands(_truePositives, t, labels[d.Label].Evaluable ? labels[d.Label].RangeM : double.NaN);
                }
                else
                {
                    AddInBands(_falsePositives, t, d.EstimatedRangeM, countInAll: true);
                    _unplacedFalsePositives[t] += double.IsNaN(d.EstimatedRangeM) ? 1 : 0;
                }
            }
        }
    }

    public ObjectBandCounts Counts(int threshold, int band) => new(
        BandNames[band], _labels[threshold, band], _matched[threshold, band], _truePositives[threshold, band], _falsePositives[threshold, band]);

    public long UnplacedFalsePositives(int threshold) => _unplacedFalsePositives[threshold];

    // NaN adds nowhere unless countInAll (an unplaced false positive still exists); a range adds to its bands and to "all".
    private static void AddInBands(long[,] counts, int t, double rangeM, bool countInAll = false)
    {
        if (double.IsNaN(rangeM))
        {
            counts[t, BandNames.Count - 1] += countInAll ? 1 : 0;
            return;
        }

        for (int b = 0; b < DistanceBands.All.Count; b++)
        {
            counts[t, b] += DistanceBands.All[b].Contains(rangeM) ? 1 : 0;
        }

        counts[t, BandNames.Count - 1]++;
    }
}
