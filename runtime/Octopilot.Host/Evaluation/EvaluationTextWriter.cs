using System.Globalization;

namespace Octopilot.Host.Evaluation;

/// <summary>The readable stdout report: a header line, every table, and the heads that were not measured.</summary>
internal static class EvaluationTextWriter
{
    public static void Write(TextWriter output, EvaluationReport report)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"model evaluate: {report.ModelPath} on {report.DataPath} ({report.Split}: {report.Samples} samples, {report.Images} images at {report.FrameWidthPx}x{report.FrameHeightPx}, grid {report.GridWidthCells}x{report.GridHeightCells}) in {report.ElapsedS:0.0} s"));
        output.WriteLine($"engine: {report.Engine}");
        foreach (ReportTable table in EvaluationTables.Build(report))
        {
            output.WriteLine();
            table.WriteText(output);
        }

        foreach (string note in report.SegmentationNotMeasured)
        {
            output.WriteLine($"not measured: {note}");
        }
    }
}
