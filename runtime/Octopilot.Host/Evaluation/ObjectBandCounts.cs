namespace Octopilot.Host.Evaluation;

/// <summary>Object counts of one band at one threshold (see <see cref="ObjectCounts"/>) and the ratios they give.</summary>
internal readonly record struct ObjectBandCounts(string Band, long Labels, long Matched, long TruePositives, long FalsePositives)
{
    /// <summary>Matched / labels; null without labels.</summary>
    public double? Recall => Labels > 0 ? Matched / (double)Labels : null;

    /// <summary>True / (true + false positives); null without detections.</summary>
    public double? Precision => TruePositives + FalsePositives > 0 ? TruePositives / (double)(TruePositives + FalsePositives) : null;
}
