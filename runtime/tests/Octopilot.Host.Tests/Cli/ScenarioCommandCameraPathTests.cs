using System.Text.Json;
using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot scenario run --camera-path`: ground truth, oracle and model verdicts side by side, per scenario.</summary>
public sealed class ScenarioCommandCameraPathTests
{
    [Fact]
    public void CameraPath_Both_EveryPerceptionJudgedSideBySideAndWrittenToJson()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("short-follow.json", PlannerScenarioTexts.ShortFollow);
        string second = folder.Write("short-follow-2.json", PlannerScenarioTexts.ShortFollow.Replace("\"short-follow\"", "\"short-follow-2\"", StringComparison.Ordinal));
        string json = Path.Combine(folder.Path, "out", "suite.json");

        CliRun run = CliRun.Of("scenario", "run", scenario, second, "--camera-path", "--json", json);

        Assert.True(run.ExitCode is ExitCodes.Ok or ExitCodes.Failed, run.Error + run.Output);
        Assert.Matches(@"short-follow\s+ground truth PASS  oracle camera path PASS  model camera path (PASS|FAIL \(.+\))", run.Output);
        Assert.Matches(@"short-follow-2\s+ground truth PASS  oracle camera path PASS  model camera path (PASS|FAIL \(.+\))", run.Output);
        Assert.Contains("ground truth 2/2 passed; oracle camera path 2/2 passed; model camera path ", run.Output, StringComparison.Ordinal);
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(json));
        JsonElement[] rows = document.RootElement.EnumerateArray().ToArray();
        Assert.Equal(2, rows.Length);
        JsonElement row = rows[0];
        Assert.Equal("short-follow", row.GetProperty("scenario").GetString());
        Assert.True(row.GetProperty("groundTruth").GetProperty("passed").GetBoolean());
        Assert.True(row.GetProperty("oracleCameraPath").GetProperty("passed").GetBoolean());
        bool modelPassed = row.GetProperty("modelCameraPath").GetProperty("passed").GetBoolean();
        Assert.Equal(modelPassed, row.GetProperty("modelCameraPath").GetProperty("failed").GetArrayLength() == 0);
        bool everyModelRunPassed = rows.All(r => r.GetProperty("modelCameraPath").GetProperty("passed").GetBoolean());
        Assert.Equal(everyModelRunPassed ? ExitCodes.Ok : ExitCodes.Failed, run.ExitCode);
    }

    [Fact]
    public void CameraPath_OracleOnly_NoModelColumnAndNoModelLoaded()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("short-follow.json", PlannerScenarioTexts.ShortFollow);

        CliRun run = CliRun.Of("scenario", "run", scenario, "--camera-path", "--perception", "oracle");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("oracle camera path PASS  model camera path -", run.Output, StringComparison.Ordinal);
        Assert.Contains("model camera path not run", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CameraPath_MissingModel_ExitsTwoNamingTheOptionBeforeRunning()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("short-follow.json", PlannerScenarioTexts.ShortFollow);

        CliRun run = CliRun.Of("scenario", "run", scenario, "--camera-path", "--model", Path.Combine(folder.Path, "absent.onnx"));

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("--model", run.Error, StringComparison.Ordinal);
        Assert.Contains("absent.onnx", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("ground truth", run.Output, StringComparison.Ordinal);
    }
}
