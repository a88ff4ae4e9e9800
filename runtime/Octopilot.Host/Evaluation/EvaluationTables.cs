using System.Globalization;

namespace Octopilot.Host.Evaluation;

/// <summary>The report's numbers as tables (shared by the stdout table and report.md): one per metric kind.</summary>
internal static class EvaluationTables
{
    public static IReadOnlyList<ReportTable> Build(EvaluationReport report)
    {
        var tables = new List<ReportTable>
        {
            new(
                "Segmentation (IoU at the output grid)",
                ["head", "IoU", "true cells", "predicted cells"],
                report.Segmentation.Select(s => (IReadOnlyList<string>)[s.Head, Ratio(s.Iou), Count(s.TrueCells), Count(s.PredictedCells)]).ToArray()),
        };
        if (report.DepthOverall is DepthErrorSummary overall)
        {
            tables.Add(new(
                "Depth (cells with true depth)",
                ["band", "cells", "AbsRel", "RMSE m"],
                report.DepthBands.Prepend(overall).Select(d => (IReadOnlyList<string>)[d.Band, Count(d.Cells), Ratio(d.AbsRel), Metres(d.RmseM)]).ToArray()));
        }

        if (report.Objects is ObjectResult objects)
        {
            tables.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"Objects at score >= {objects.ScoreThreshold:0.00}, NMS IoU {report.NmsIou:0.00} ({objects.EvaluableLabels} evaluable labels, {objects.IgnoreLabels} ignore labels < {report.MinVisiblePixels} px, {objects.UnplacedFalsePositives} unplaced false positives)"),
                ["band", "labels", "matched", "recall", "TP", "FP", "precision"],
                objects.Bands.Select(b => (IReadOnlyList<string>)[b.Band, Count(b.Labels), Count(b.Matched), Ratio(b.Recall), Count(b.TruePositives), Count(b.FalsePositives), Ratio(b.Precision)]).ToArray()));
            tables.Add(new(
                "Score sweep",
                ["threshold", "recall <40 m", "precision <40 m", "recall <80 m", "precision <80 m"],
                objects.Sweep.Select(s => (IReadOnlyList<string>)[s.Threshold.ToString("0.00", CultureInfo.InvariantCulture), Ratio(s.Within40.Recall), Ratio(s.Within40.Precision), Ratio(s.Within80.Recall), Ratio(s.Within80.Precision)]).ToArray()));
            tables.Add(new(
                string.Create(CultureInfo.InvariantCulture, $"Highest recall at precision >= {OperatingPoint.TargetPrecision:0.0} (over the sweep)"),
                ["band", "threshold", "recall", "precision"],
                [
                    Operating("within 40 m", OperatingPoint.AtPrecision(objects.Sweep, r => r.Within40, OperatingPoint.TargetPrecision)),
                    Operating("within 80 m", OperatingPoint.AtPrecision(objects.Sweep, r => r.Within80, OperatingPoint.TargetPrecision)),
                ]));
            tables.Add(Placement(
                string.Create(CultureInfo.InvariantCulture, $"BEV position error, model (matched detections at the operating threshold; depth weighed with the bottom row at depth noise {report.DepthNoiseFraction:0.###}: inference.objectRange modelDepth)"),
                report.ModelPlacement));
            tables.Add(Placement("BEV position error, model boxes with ground-contact range (the same detections, depth ignored, the bottom row alone: inference.objectRange groundContact)", report.ModelGroundContactPlacement));
            tables.Add(Placement("BEV position error, oracle (label box + label depthM, taken as exact)", report.OraclePlacement));
            tables.Add(Placement("BEV position error, oracle with centre depth (label box + camera z of the label's ground centre)", report.OracleCentreDepthPlacement));
        }

        return tables;
    }

    private static IReadOnlyList<string> Operating(string band, OperatingPoint? point) => point is OperatingPoint p
        ? [band, p.Threshold.ToString("0.00", CultureInfo.InvariantCulture), Ratio(p.Recall), Ratio(p.Precision)]
        : [band, "none reaches it", "-", "-"];

    private static ReportTable Placement(string title, IReadOnlyList<PlacementSummary> rows) => new(
        title,
        ["band", "placed", "not placed", "mean m", "median m", "p90 m", "mean %", "median %", "p90 %"],
        rows.Select(p => (IReadOnlyList<string>)[p.Band, Count(p.Placed), Count(p.NotPlaced), Metres(p.MeanM), Metres(p.MedianM), Metres(p.P90M), Percent(p.MeanPercent), Percent(p.MedianPercent), Percent(p.P90Percent)]).ToArray());

    private static string Ratio(double? value) => value is double v ? v.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    private static string Metres(double? value) => value is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string Percent(double? value) => value is double v ? v.ToString("0.0", CultureInfo.InvariantCulture) : "-";

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);
}
