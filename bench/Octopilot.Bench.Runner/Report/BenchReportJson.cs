using System.Text.Json;
using System.Text.Json.Serialization;
using Octopilot.Core.Configuration;

namespace Octopilot.Bench.Runner.Report;

/// <summary>report.json: the <see cref="BenchReport"/> camel-cased and indented; reading refuses another format by name.</summary>
public static class BenchReportJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static void Write(string path, BenchReport report) => File.WriteAllText(path, JsonSerializer.Serialize(report, Options));

    public static BenchReport Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ConfigException($"{path}: no such baseline report");
        }

        BenchReport? report;
        try
        {
            report = JsonSerializer.Deserialize<BenchReport>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new ConfigException($"{path}: not a bench report ({e.Message}); expected format \"{BenchReport.FormatTag}\"", e);
        }

        if (report is null || report.Format != BenchReport.FormatTag)
        {
            throw new ConfigException($"{path}: format \"{report?.Format}\" is not \"{BenchReport.FormatTag}\"");
        }

        return report;
    }
}
