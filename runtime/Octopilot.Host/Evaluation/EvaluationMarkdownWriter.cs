using System.Globalization;

namespace Octopilot.Host.Evaluation;

/// <summary>report.md: what was measured, every table, then the exact definition of each metric.</summary>
internal static class EvaluationMarkdownWriter
{
    public static void Write(string path, EvaluationReport report)
    {
        using var output = new StreamWriter(path);
        output.WriteLine("# Model evaluation");
        output.WriteLine();
        output.WriteLine($"- model: `{report.ModelPath}` ({report.Engine})");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- data: `{report.DataPath}`, split {report.Split}: {report.Samples} samples, {report.Images} images at {report.FrameWidthPx}x{report.FrameHeightPx}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- output grid: {report.GridWidthCells}x{report.GridHeightCells} cells; run time {report.ElapsedS:0.0} s"));
        foreach (string note in report.SegmentationNotMeasured)
        {
            output.WriteLine($"- not measured: {note}");
        }

        output.WriteLine();
        foreach (ReportTable table in EvaluationTables.Build(report))
        {
            table.WriteMarkdown(output);
        }

        output.WriteLine("## Definitions");
        output.WriteLine();
        foreach ((string metric, string definition) in EvaluationDefinitions.For(report))
        {
            output.WriteLine($"- **{metric}**: {definition}");
        }
    }
}
