namespace Octopilot.Host.Evaluation;

/// <summary>One segmentation head's IoU against its true mask, with the cell counts it comes from.</summary>
internal sealed record SegmentationResult(string Head, SegmentationTruth Truth, string Rule, long IntersectionCells, long UnionCells, long TrueCells, long PredictedCells, double? Iou);
