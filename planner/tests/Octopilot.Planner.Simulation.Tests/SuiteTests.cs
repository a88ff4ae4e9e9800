using System.Diagnostics;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>Every shipped scenario passes with the default planner options (issue #4 acceptance).</summary>
public sealed class SuiteTests(ITestOutputHelper log)
{
    public static TheoryData<string> Files => Suite.Files();

    [Theory]
    [MemberData(nameof(Files))]
    public void Run_ShippedScenario_Passes(string fileName)
    {
        ScenarioResult result = ScenarioRunner.Run(ScenarioFile.Load(Suite.PathOf(fileName)), new PlannerOptions());
        foreach (CheckOutcome check in result.Checks)
        {
            log.WriteLine($"{(check.Passed ? "ok  " : "FAIL")} {check.Name}: {check.Message}");
        }

        Assert.True(result.Passed, string.Join(Environment.NewLine, result.Failures.Select(c => $"{c.Name}: {c.Message}")));
    }

    [Fact]
    public void Suite_CoversTheIssueList_AndRunsWellUnderAMinute()
    {
        string[] names = Directory.GetFiles(Suite.Folder, "*.json").Select(f => Path.GetFileNameWithoutExtension(f)).ToArray();
        string[] required =
        [
            "follow-10mps-short", "follow-20mps-medium", "follow-30mps-long", "approach-stopped-50kph", "approach-stopped-80kph",
            "approach-stopped-120kph", "approach-slower", "lead-brakes-2mps2-gap12m", "lead-brakes-6mps2-gap40m", "cutin-30m-slower5",
            "cutout-reveals-stopped", "stop-and-go", "lane-change-free-lane", "lane-change-vehicle-alongside",
            "lane-change-fast-approach-behind", "lane-change-target-gap-closes",
        ];
        Assert.Empty(required.Except(names));

        var watch = Stopwatch.StartNew();
        foreach (string name in names)
        {
            ScenarioRunner.Run(ScenarioFile.Load(Suite.PathOf(name + ".json")), new PlannerOptions());
        }

        log.WriteLine($"{names.Length} scenarios in {watch.ElapsedMilliseconds} ms");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"suite took {watch.Elapsed}");
    }
}
