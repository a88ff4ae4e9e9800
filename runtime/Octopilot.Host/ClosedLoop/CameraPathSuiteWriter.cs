using System.Globalization;
using System.Text.Json;
using Octopilot.Planner.Simulation.Evaluation;

namespace Octopilot.Host.ClosedLoop;

/// <summary>The suite's per-scenario lines, summary and JSON: verdicts side by side, with the failed checks named.</summary>
internal static class CameraPathSuiteWriter
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>`name  ground truth PASS  oracle PASS  model FAIL (settle, takeover)`.</summary>
    public static string Line(CameraPathSuiteRow row) => string.Create(CultureInfo.InvariantCulture,
        $"{row.Scenario,-48} ground truth {Verdict(row.GroundTruth)}  oracle camera path {Verdict(row.Oracle)}  model camera path {Verdict(row.Model)}");

    public static void WriteSummary(TextWriter output, IReadOnlyList<CameraPathSuiteRow> rows)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ground truth {Count(rows, r => r.GroundTruth)}; oracle camera path {Count(rows, r => r.Oracle)}; model camera path {Count(rows, r => r.Model)}"));
        foreach (CameraPathSuiteRow row in rows.Where(r => r.Model is { Passed: false }))
        {
            output.WriteLine($"model camera path, {row.Scenario}: " + string.Join("; ", row.Model!.Failures.Select(f => $"{f.Name}: {f.Message}")));
        }
    }

    public static void WriteJson(string path, IReadOnlyList<CameraPathSuiteRow> rows)
    {
        var document = rows.Select(r => new
        {
            scenario = r.Scenario,
            passed = r.Passed,
            groundTruth = Summary(r.GroundTruth),
            oracleCameraPath = r.Oracle is null ? null : Summary(r.Oracle),
            modelCameraPath = r.Model is null ? null : Summary(r.Model),
        });
        File.WriteAllText(path, JsonSerializer.Serialize(document, JsonOptions));
    }

    private static object Summary(ScenarioResult result) => new
    {
        passed = result.Passed,
        failed = result.Failures.Select(f => new { check = f.Name, message = f.Message }).ToArray(),
        collision = result.Figures.Collision,
        minGapM = result.Figures.MinGapM,
        takeovers = result.Takeovers.Select(t => new { reason = t.Reason.ToString(), startS = t.StartS, endS = t.EndS }).ToArray(),
        laneKeepingRmsM = result.Lateral.LaneKeepingRmsM,
        laneChangeCompletedAtS = result.LaneChange.CompletedAtS,
    };

    private static string Verdict(ScenarioResult? result) => result is null
        ? "-"
        : result.Passed ? "PASS" : $"FAIL ({string.Join(", ", result.Failures.Select(f => f.Name))})";

    private static string Count(IReadOnlyList<CameraPathSuiteRow> rows, Func<CameraPathSuiteRow, ScenarioResult?> pick)
    {
        int ran = rows.Count(r => pick(r) is not null);
        return ran == 0 ? "not run" : $"{rows.Count(r => pick(r) is { Passed: true })}/{ran} passed";
    }
}
