namespace Octopilot.Host.Evaluation;

/// <summary>The exact definition of every metric of the report, written into report.md and report.json beside the numbers.</summary>
internal static class EvaluationDefinitions
{
    public static IReadOnlyList<(string Metric, string Definition)> For(EvaluationReport report) =>
    [
        ("grid", $"Maps are measured at the model's output grid ({report.GridWidthCells}x{report.GridHeightCells} cells over {report.FrameWidthPx}x{report.FrameHeightPx} images: the runtime map the car fuses), decoded by the runtime's own decoders; each cell covers image columns floor(i*W/w)..floor((i+1)*W/w)-1 and rows likewise. Cells and labels are pooled over every image of the split."),
        ("lane-marking IoU", "A cell is marking when any of its pixels is lane paint (laneMarking or solidLaneMarking); predicted when the lanes head >= 0.5. IoU = |predicted AND true| / |predicted OR true| over all cells."),
        ("drivable IoU", "A cell is drivable when at least half of its pixels are drivable (road, laneMarking, solidLaneMarking); predicted when the drivable head >= 0.5."),
        ("solid-line IoU", "Only for a model with a solid-lines segmentation head and a dataset that labels solidLaneMarking: a cell is solid when any of its pixels is solidLaneMarking; predicted when the head >= 0.5."),
        ("depth", "Cells whose pixels include depth > 0; true depth = mean of those pixels (metres, camera z). AbsRel = mean |p - t| / t, RMSE = sqrt(mean (p - t)^2) metres; bands by true depth [0,20), [20,40), [40,80) m, within 40 = [0,40), within 80 = [0,80). A predicted 0 (no depth) counts as a full miss."),
        ("objects", $"Per camera image. Labels: vehicles with visiblePixels >= {report.MinVisiblePixels} are evaluable, the rest are ignore labels. Detections: the engine's decoded detections (its own decoder, range refinement) with score >= the threshold. Matching: greedy by descending score, each detection to the unmatched label (evaluable or ignore) with the highest box IoU >= 0.5, class-agnostic (one labelled class). Label box = its inclusive pixels as pixel edges [minU, maxU+1). A detection matched to an ignore label counts neither as true nor false positive."),
        ("distance band", "A label's band: horizontal range of groundCentreEgoM, sqrt(x^2 + y^2), in [0,20), [20,40), [40,80) m, cumulative within 40 m and within 80 m; 'all' has no limit. A false positive's band: the horizontal range of its own projection by the runtime's DetectionProjector; one the projector rejects is only in 'all' (counted as unplaced)."),
        ("recall, precision", "Recall per band = matched evaluable labels / evaluable labels in the band. Precision per band = true positives / (true + false positives), true positives banded by their label. The sweep repeats both at score thresholds 0.1..0.9 (the matching is greedy by score, so a higher threshold only removes detections and their matches)."),
        ("BEV position error", "Each evaluable label matched at the operating threshold: its detection projected to the ego frame by the runtime's DetectionProjector (the rig of the manifest, scaled to the mode; default options; ego motion zero), error = horizontal distance to the label's groundCentreEgoM, metres and % of the label's range (range at least 1 m). Mean, median, p90 (nearest rank) per label band; 'not placed' = the projector rejected the box."),
        ("oracle", "The same projection of every evaluable label's own box and depthM (as a score-1 detection among the image's labels): the error the method makes with perfect perception, the floor beside the model's."),
    ];
}
