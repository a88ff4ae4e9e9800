namespace Octopilot.Host.Evaluation;

/// <summary>Everything one <c>octopilot model evaluate</c> run measured; written by the report writers. Immutable.</summary>
internal sealed record EvaluationReport
{
    public required string ModelPath { get; init; }

    public required string Engine { get; init; }

    public required string DataPath { get; init; }

    public required string Split { get; init; }

    public required int Samples { get; init; }

    public required int Images { get; init; }

    public required int FrameWidthPx { get; init; }

    public required int FrameHeightPx { get; init; }

    public required int GridWidthCells { get; init; }

    public required int GridHeightCells { get; init; }

    public required int MinVisiblePixels { get; init; }

    /// <summary>The engine's duplicate-suppression IoU the detections were decoded with (1: none).</summary>
    public required float NmsIou { get; init; }

    /// <summary>The depth noise the model's detections were placed with (<c>WorldModelOptions.ModelDepthNoiseFraction</c>).</summary>
    public required double DepthNoiseFraction { get; init; }

    public required double ElapsedS { get; init; }

    public required IReadOnlyList<SegmentationResult> Segmentation { get; init; }

    /// <summary>Segmentation heads with no label to measure against, and why.</summary>
    public required IReadOnlyList<string> SegmentationNotMeasured { get; init; }

    /// <summary>Null without a depth head.</summary>
    public required DepthErrorSummary? DepthOverall { get; init; }

    public required IReadOnlyList<DepthErrorSummary> DepthBands { get; init; }

    /// <summary>Null without a detection head.</summary>
    public required ObjectResult? Objects { get; init; }

    /// <summary>BEV position error of the model's matched detections (at the operating threshold), per label band.</summary>
    public required IReadOnlyList<PlacementSummary> ModelPlacement { get; init; }

    /// <summary>The same matched detections placed without the model's depth (ground contact), as <see cref="Octopilot.Inference.Engine.ObjectRangePolicy.GroundContact"/> drives.</summary>
    public required IReadOnlyList<PlacementSummary> ModelGroundContactPlacement { get; init; }

    /// <summary>The same for every evaluable label's own box and depth (the method's floor).</summary>
    public required IReadOnlyList<PlacementSummary> OraclePlacement { get; init; }

    /// <summary>The same with the camera z of each label's ground centre as its depth (what the projector assumes depth means).</summary>
    public required IReadOnlyList<PlacementSummary> OracleCentreDepthPlacement { get; init; }
}
