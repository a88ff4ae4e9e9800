namespace Octopilot.Host.Evaluation;

/// <summary>Which true cell mask of <see cref="CellTruth"/> a segmentation head is measured against.</summary>
internal enum SegmentationTruth
{
    LaneMarking,
    Drivable,
    SolidLaneMarking,
}
