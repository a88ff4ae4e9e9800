using System.Text.Json;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// report.json (format <see cref="Format"/>): the run's inputs, every metric with the counts it comes from, and the
/// definitions. Undefined ratios (no labels, no detections, no cells in a band) are null, never NaN.
/// </summary>
internal static class EvaluationJsonWriter
{
    public const string Format = "octopilot-evaluation/1";

    public static void Write(Stream stream, EvaluationReport report)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteString("format", Format);
        json.WriteString("model", report.ModelPath);
        json.WriteString("engine", report.Engine);
        json.WriteString("data", report.DataPath);
        json.WriteString("split", report.Split);
        json.WriteNumber("samples", report.Samples);
        json.WriteNumber("images", report.Images);
        json.WriteStartObject("mode");
        json.WriteNumber("widthPx", report.FrameWidthPx);
        json.WriteNumber("heightPx", report.FrameHeightPx);
        json.WriteEndObject();
        json.WriteStartObject("grid");
        json.WriteNumber("widthCells", report.GridWidthCells);
        json.WriteNumber("heightCells", report.GridHeightCells);
        json.WriteEndObject();
        json.WriteNumber("elapsedS", Math.Round(report.ElapsedS, 3));
        WriteSegmentation(json, report);
        WriteDepth(json, report);
        WriteObjects(json, report);
        json.WriteStartObject("bevPositionError");
        WritePlacement(json, "model", report.ModelPlacement);
        WritePlacement(json, "modelGroundContact", report.ModelGroundContactPlacement);
        WritePlacement(json, "oracle", report.OraclePlacement);
        WritePlacement(json, "oracleCentreDepth", report.OracleCentreDepthPlacement);
        json.WriteEndObject();
        json.WriteStartObject("definitions");
        foreach ((string metric, string definition) in EvaluationDefinitions.For(report))
        {
            json.WriteString(metric, definition);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteSegmentation(Utf8JsonWriter json, EvaluationReport report)
    {
        json.WriteStartArray("segmentation");
        foreach (SegmentationResult s in report.Segmentation)
        {
            json.WriteStartObject();
            json.WriteString("head", s.Head);
            json.WriteString("truth", s.Truth.ToString());
            json.WriteString("rule", s.Rule);
            Number(json, "iou", s.Iou);
            json.WriteNumber("intersectionCells", s.IntersectionCells);
            json.WriteNumber("unionCells", s.UnionCells);
            json.WriteNumber("trueCells", s.TrueCells);
            json.WriteNumber("predictedCells", s.PredictedCells);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("segmentationNotMeasured");
        foreach (string note in report.SegmentationNotMeasured)
        {
            json.WriteStringValue(note);
        }

        json.WriteEndArray();
    }

    private static void WriteDepth(Utf8JsonWriter json, EvaluationReport report)
    {
        if (report.DepthOverall is not DepthErrorSummary overall)
        {
            json.WriteNull("depth");
            return;
        }

        json.WriteStartObject("depth");
        json.WriteStartArray("bands");
        foreach (DepthErrorSummary d in report.DepthBands.Prepend(overall))
        {
            json.WriteStartObject();
            json.WriteString("band", d.Band);
            json.WriteNumber("cells", d.Cells);
            Number(json, "absRel", d.AbsRel);
            Number(json, "rmseM", d.RmseM);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteObjects(Utf8JsonWriter json, EvaluationReport report)
    {
        if (report.Objects is not ObjectResult objects)
        {
            json.WriteNull("objects");
            return;
        }

        json.WriteStartObject("objects");
        json.WriteNumber("scoreThreshold", Math.Round(objects.ScoreThreshold, 4));
        json.WriteNumber("minVisiblePixels", report.MinVisiblePixels);
        json.WriteNumber("matchIou", DetectionMatcher.MinIou);
        json.WriteNumber("nmsIou", Math.Round(report.NmsIou, 4));
        json.WriteNumber("depthNoiseFraction", Math.Round(report.DepthNoiseFraction, 4));
        json.WriteNumber("evaluableLabels", objects.EvaluableLabels);
        json.WriteNumber("ignoreLabels", objects.IgnoreLabels);
        json.WriteNumber("unplacedFalsePositives", objects.UnplacedFalsePositives);
        json.WriteStartArray("bands");
        foreach (ObjectBandCounts b in objects.Bands)
        {
            WriteCounts(json, b);
        }

        json.WriteEndArray();
        json.WriteStartArray("sweep");
        foreach ((float threshold, ObjectBandCounts within40, ObjectBandCounts within80) in objects.Sweep)
        {
            json.WriteStartObject();
            json.WriteNumber("threshold", Math.Round(threshold, 4));
            json.WritePropertyName("within40m");
            WriteCounts(json, within40);
            json.WritePropertyName("within80m");
            WriteCounts(json, within80);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartObject("recallAtPrecision");
        json.WriteNumber("minPrecision", OperatingPoint.TargetPrecision);
        WriteOperating(json, "within40m", OperatingPoint.AtPrecision(objects.Sweep, r => r.Within40, OperatingPoint.TargetPrecision));
        WriteOperating(json, "within80m", OperatingPoint.AtPrecision(objects.Sweep, r => r.Within80, OperatingPoint.TargetPrecision));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    /// <summary>null when no threshold of the sweep reaches the precision.</summary>
    private static void WriteOperating(Utf8JsonWriter json, string name, OperatingPoint? point)
    {
        if (point is not OperatingPoint p)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteNumber("threshold", Math.Round(p.Threshold, 4));
        json.WriteNumber("recall", p.Recall);
        json.WriteNumber("precision", p.Precision);
        json.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter json, ObjectBandCounts b)
    {
        json.WriteStartObject();
        json.WriteString("band", b.Band);
        json.WriteNumber("labels", b.Labels);
        json.WriteNumber("matched", b.Matched);
        json.WriteNumber("truePositives", b.TruePositives);
        json.WriteNumber("falsePositives", b.FalsePositives);
        Number(json, "recall", b.Recall);
        Number(json, "precision", b.Precision);
        json.WriteEndObject();
    }

    private static void WritePlacement(Utf8JsonWriter json, string name, IReadOnlyList<PlacementSummary> rows)
    {
        json.WriteStartArray(name);
        foreach (PlacementSummary p in rows)
        {
            json.WriteStartObject();
            json.WriteString("band", p.Band);
            json.WriteNumber("placed", p.Placed);
            json.WriteNumber("notPlaced", p.NotPlaced);
            Number(json, "meanM", p.MeanM);
            Number(json, "medianM", p.MedianM);
            Number(json, "p90M", p.P90M);
            Number(json, "meanPercent", p.MeanPercent);
            Number(json, "medianPercent", p.MedianPercent);
            Number(json, "p90Percent", p.P90Percent);
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, 6));
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
