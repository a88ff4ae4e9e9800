namespace Octopilot.Host.Evaluation;

/// <summary>BEV position error of one band: placed and not placed counts; mean, median, p90 in metres and in % of range (null when none placed).</summary>
internal sealed record PlacementSummary(
    string Band, int Placed, int NotPlaced, double? MeanM, double? MedianM, double? P90M, double? MeanPercent, double? MedianPercent, double? P90Percent);
