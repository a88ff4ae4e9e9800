using System.Text.Json;
using Octopilot.Host.Cli;
using Octopilot.Host.Evaluation;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>
/// End to end: `octopilot dataset export --frames 2` into a temp folder, then `model evaluate` on it with the committed
/// contract model: exit 0, the table on stdout, report.json and report.md with every metric present and in range.
/// The images are 128x96 (the model stretches them to its input) so that some vehicles are big enough to be evaluable
/// while the export stays cheap.
/// </summary>
public sealed class ModelEvaluateRunTests
{
    private static string Model => Path.Combine(RepositoryPaths.Root, "onnx", "models", "hydranet-tiny-288x384", "model.onnx");

    [Fact]
    public void Evaluate_ExportedDataset_ExitsZeroWithEveryMetricInRange()
    {
        using DatasetExportRun dataset = DatasetExportRun.Of(2, "7", 128, 96);
        using var folder = new TempFolder();
        string outDirectory = Path.Combine(folder.Path, "report");

        CliRun run = CliRun.Of("model", "evaluate", "--model", Model, "--data", dataset.OutDirectory, "--split", "all", "--out", outDirectory);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("Segmentation (IoU at the output grid)", run.Output, StringComparison.Ordinal);
        Assert.Contains("BEV position error, oracle", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate: 2/2 samples", run.Error, StringComparison.Ordinal);
        Assert.Contains("## Definitions", File.ReadAllText(Path.Combine(outDirectory, "report.md")), StringComparison.Ordinal);
        using JsonDocument report = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDirectory, "report.json")));
        JsonElement root = report.RootElement;
        Assert.Equal("octopilot-evaluation/1", root.GetProperty("format").GetString());
        Assert.Equal(2, root.GetProperty("samples").GetInt32());
        Assert.Equal(2 * dataset.Cameras.Count, root.GetProperty("images").GetInt32());

        string[] heads = root.GetProperty("segmentation").EnumerateArray().Select(s => s.GetProperty("head").GetString()!).ToArray();
        Assert.Contains("lanes", heads);
        Assert.Contains("drivable", heads);
        foreach (JsonElement s in root.GetProperty("segmentation").EnumerateArray())
        {
            AssertFraction(s, "iou", required: true);
        }

        JsonElement[] depth = root.GetProperty("depth").GetProperty("bands").EnumerateArray().ToArray();
        Assert.Equal(["all", "0-20 m", "20-40 m", "40-80 m", "within 40 m", "within 80 m"], depth.Select(d => d.GetProperty("band").GetString()));
        Assert.True(depth[0].GetProperty("cells").GetInt64() > 0);
        AssertNonNegative(depth[0], "absRel", required: true);
        AssertNonNegative(depth[0], "rmseM", required: true);

        JsonElement objects = root.GetProperty("objects");
        Assert.True(objects.GetProperty("evaluableLabels").GetInt32() > 0, "the export should hold vehicles of >= 50 visible pixels");
        foreach (JsonElement band in objects.GetProperty("bands").EnumerateArray())
        {
            AssertFraction(band, "recall", required: false);
            AssertFraction(band, "precision", required: false);
            Assert.InRange(band.GetProperty("matched").GetInt64(), 0, band.GetProperty("labels").GetInt64());
        }

        Assert.Equal(EvaluationSettings.SweepThresholds.Count, objects.GetProperty("sweep").GetArrayLength());
        JsonElement operating = objects.GetProperty("recallAtPrecision");
        Assert.Equal(0.9, operating.GetProperty("minPrecision").GetDouble());
        foreach (string band in new[] { "within40m", "within80m" })
        {
            JsonElement point = operating.GetProperty(band);
            if (point.ValueKind != JsonValueKind.Null)
            {
                Assert.True(point.GetProperty("precision").GetDouble() >= 0.9, band);
                AssertFraction(point, "recall", required: true);
            }
        }
        foreach (JsonElement point in objects.GetProperty("sweep").EnumerateArray())
        {
            AssertFraction(point.GetProperty("within40m"), "recall", required: false);
            AssertFraction(point.GetProperty("within80m"), "precision", required: false);
        }

        foreach (string who in new[] { "model", "oracle", "oracleCentreDepth" })
        {
            JsonElement[] rows = root.GetProperty("bevPositionError").GetProperty(who).EnumerateArray().ToArray();
            Assert.Equal(5, rows.Length);
            foreach (JsonElement row in rows)
            {
                AssertNonNegative(row, "meanM", required: false);
                AssertNonNegative(row, "p90M", required: false);
            }
        }

        Assert.True(root.GetProperty("bevPositionError").GetProperty("oracle")[4].GetProperty("placed").GetInt32() > 0, "the oracle places labelled vehicles within 80 m");

        // Perfect boxes with the depth the projector expects land within a metre: the rig is the export's, in its
        // camera order, scaled to the mode (a wrong camera or scale puts them metres off).
        JsonElement centre = root.GetProperty("bevPositionError").GetProperty("oracleCentreDepth")[4];
        Assert.True(centre.GetProperty("placed").GetInt32() > 0);
        Assert.InRange(centre.GetProperty("medianM").GetDouble(), 0.0, 1.0);
        Assert.True(root.GetProperty("definitions").EnumerateObject().Count() >= 8);
    }

    [Fact]
    public void Evaluate_Json_PrintsTheReportOnStdoutAndProgressOnStderr()
    {
        using var dataset = new DatasetExportRun();

        CliRun run = CliRun.Of("model", "evaluate", "--model", Model, "--data", dataset.OutDirectory, "--split", "all", "--limit", "1", "--json");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        using JsonDocument report = JsonDocument.Parse(run.Output);
        Assert.Equal(1, report.RootElement.GetProperty("samples").GetInt32());
        Assert.Equal("all", report.RootElement.GetProperty("split").GetString());
        Assert.Contains("evaluate: 1/1 samples", run.Error, StringComparison.Ordinal);
    }

    private static void AssertFraction(JsonElement element, string name, bool required)
    {
        JsonElement value = element.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null && !required)
        {
            return;
        }

        Assert.InRange(value.GetDouble(), 0.0, 1.0);
    }

    private static void AssertNonNegative(JsonElement element, string name, bool required)
    {
        JsonElement value = element.GetProperty(name);
        if (value.ValueKind == JsonValueKind.Null && !required)
        {
            return;
        }

        Assert.True(value.GetDouble() >= 0 && double.IsFinite(value.GetDouble()), $"{name} = {value}");
    }
}
