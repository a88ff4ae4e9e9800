using Octopilot.Planner.Simulation.Evaluation;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// One scenario of a camera-path suite: the planner on ground truth, and through the cameras on each perception that
/// ran (null where that perception was not asked for).
/// </summary>
internal sealed record CameraPathSuiteRow(string Scenario, ScenarioResult GroundTruth, ScenarioResult? Oracle, ScenarioResult? Model)
{
    /// <summary>Every run of the row passed.</summary>
    public bool Passed => GroundTruth.Passed && (Oracle?.Passed ?? true) && (Model?.Passed ?? true);
}
