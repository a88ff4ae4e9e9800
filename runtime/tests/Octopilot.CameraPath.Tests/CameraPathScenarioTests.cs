using Octopilot.Core.Calibration;
using Octopilot.Planner;
using Octopilot.Planner.Simulation;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Testing;

namespace Octopilot.CameraPath.Tests;

/// <summary>
/// The planner suite's scenarios with the world model from the camera path (oracle perception) instead of ground
/// truth: the same checks must pass. Each run renders every camera at 15 fps over the scenario (a few seconds each).
/// </summary>
public class CameraPathScenarioTests
{
    private static readonly Lazy<CameraRig> Rig = new(() => RigFile.Load(RepositoryPaths.DefaultRig));

    internal static CameraRig DefaultRig => Rig.Value;

    internal static string ScenarioPath(string fileName) => Path.Combine(RepositoryPaths.Root, "planner", "scenarios", fileName);

    internal static (ScenarioResult Result, CameraPathWorldModel Path) Run(string fileName, Func<Scenario, Scenario>? adjust = null)
    {
        Scenario scenario = ScenarioFile.Load(ScenarioPath(fileName));
        scenario = adjust?.Invoke(scenario) ?? scenario;
        using var cameraPath = new CameraPathWorldModel(scenario, new CameraPathOptions { Rig = Rig.Value });
        ScenarioResult result = ScenarioRunner.Run(scenario, new PlannerOptions(), cameraPath);
        return (result, cameraPath);
    }

    [Theory]
    [InlineData("follow-20mps-medium.json")]
    [InlineData("follow-30mps-short.json")]
    [InlineData("approach-stopped-80kph.json")]
    [InlineData("approach-slower.json")]
    [InlineData("cutin-30m-slower5.json")]
    [InlineData("lane-change-free-lane.json")]
    [InlineData("lane-change-vehicle-alongside.json")]
    [InlineData("lane-change-fast-approach-behind.json")]
    public void SuiteScenario_ThroughTheCameraPath_Passes(string fileName)
    {
        (ScenarioResult result, CameraPathWorldModel path) = Run(fileName);
        string failed = string.Join("; ", result.Checks.Where(c => !c.Passed).Select(c => $"{c.Name}: {c.Message}"));
        Assert.True(result.Passed, $"{fileName} failed on the camera path: {failed}");
        Assert.True(path.Statistics.FrameSets > 0);
    }
}
