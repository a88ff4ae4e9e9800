namespace Octopilot.Host.Evaluation;

/// <summary>One table of a report: a title, column headers and rows of already formatted cells.</summary>
internal sealed record ReportTable(string Title, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows)
{
    /// <summary>Aligned plain text: left-aligned first column, right-aligned numbers, two spaces between columns.</summary>
    public void WriteText(TextWriter output)
    {
        int[] widths = Headers.Select((h, c) => Rows.Select(r => r[c].Length).Append(h.Length).Max()).ToArray();
        output.WriteLine(Title);
        output.WriteLine("  " + Line(Headers, widths));
        foreach (IReadOnlyList<string> row in Rows)
        {
            output.WriteLine("  " + Line(row, widths));
        }
    }

    /// <summary>A GitHub markdown table under a level-3 heading.</summary>
    public void WriteMarkdown(TextWriter output)
    {
        output.WriteLine($"### {Title}");
        output.WriteLine();
        output.WriteLine("| " + string.Join(" | ", Headers) + " |");
        output.WriteLine("|" + string.Concat(Headers.Select((_, c) => c == 0 ? "---|" : "---:|")));
        foreach (IReadOnlyList<string> row in Rows)
        {
            output.WriteLine("| " + string.Join(" | ", row) + " |");
        }

        output.WriteLine();
    }

    private static string Line(IReadOnlyList<string> cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, c) => c == 0 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd();
}
