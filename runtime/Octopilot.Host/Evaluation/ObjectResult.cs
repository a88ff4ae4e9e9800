namespace Octopilot.Host.Evaluation;

/// <summary>
/// Object detection results: label totals, per band counts at the operating threshold (with the unplaced false
/// positives), and the sweep's counts for "within 40 m" and "within 80 m" at each threshold.
/// </summary>
internal sealed record ObjectResult(
    int EvaluableLabels, int IgnoreLabels, float ScoreThreshold, IReadOnlyList<ObjectBandCounts> Bands, long UnplacedFalsePositives,
    IReadOnlyList<(float Threshold, ObjectBandCounts Within40, ObjectBandCounts Within80)> Sweep);
