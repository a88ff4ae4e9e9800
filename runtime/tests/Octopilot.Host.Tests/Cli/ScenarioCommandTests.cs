using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

public sealed class ScenarioCommandTests
{
    private static string Suite => Path.Combine(RepositoryPaths.Root, "planner", "scenarios");

    [Fact]
    public void Run_ShippedScenarios_AllPassWithFiguresPrintedAndJsonWritten()
    {
        using var folder = new TempFolder();
        string json = Path.Combine(folder.Path, "results.json");

        CliRun run = CliRun.Of("scenario", "run", Path.Combine(Suite, "follow-20mps-medium.json"), Path.Combine(Suite, "lead-brakes-6mps2-gap12m.json"), "--json", json);

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        Assert.Contains("PASS follow-20mps-medium", run.Output, StringComparison.Ordinal);
        Assert.Contains("decel(2 s)", run.Output, StringComparison.Ordinal);
        Assert.Contains("takeover requests: InsufficientAuthority", run.Output, StringComparison.Ordinal);
        Assert.Contains("2 of 2 scenarios passed", run.Output, StringComparison.Ordinal);
        string written = File.ReadAllText(json);
        Assert.Contains("\"MinTimeGapS\"", written, StringComparison.Ordinal);
        Assert.Contains("follow-20mps-medium", written, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScenarioWhoseExpectationFails_ExitsOneNamingTheCheck()
    {
        using var folder = new TempFolder();
        string text = File.ReadAllText(Path.Combine(Suite, "follow-20mps-medium.json"));
        Assert.Contains("\"expect\"", text, StringComparison.Ordinal);
        string failing = folder.Write("impossible.json", text.Replace("\"expect\": {", "\"expect\": { \"minGapM\": 500,", StringComparison.Ordinal));

        CliRun run = CliRun.Of("scenario", "run", failing);

        Assert.Equal(ExitCodes.Failed, run.ExitCode);
        Assert.Contains("FAIL ", run.Output, StringComparison.Ordinal);
        Assert.Contains("FAILED", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 of 1 scenarios passed", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedScenario_ExitsTwoNamingFileAndFieldBeforeRunningAnything()
    {
        using var folder = new TempFolder();
        string bad = folder.Write("bad.json", File.ReadAllText(Path.Combine(Suite, "follow-20mps-medium.json"))
            .Replace("\"durationS\"", "\"durationSeconds\"", StringComparison.Ordinal));

        CliRun run = CliRun.Of("scenario", "run", Path.Combine(Suite, "follow-20mps-medium.json"), bad);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("bad.json", run.Error, StringComparison.Ordinal);
        Assert.Contains("durationSeconds", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("PASS", run.Output, StringComparison.Ordinal);
    }
}
