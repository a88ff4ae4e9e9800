namespace Octopilot.Host.Evaluation;

/// <summary>
/// One decoded detection as the object counts see it: its score, its horizontal range from its own projection to the
/// ego frame (NaN when the projector could not place it) and the label it matched (−1: none).
/// </summary>
internal readonly record struct ScoredDetection(float Score, double EstimatedRangeM, int Label);
