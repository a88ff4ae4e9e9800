using Octopilot.CameraPath;
using Octopilot.Core.Calibration;
using Octopilot.Host.Cli;
using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;
using Octopilot.Planner;
using Octopilot.Planner.Simulation;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// `octopilot scenario run --camera-path`: every planner scenario on ground truth, then closed-loop through the eight
/// synthetic cameras, BEV fusion and tracker with oracle perception and with the HydraNet, judged by the same checks,
/// so a failure on learned perception stands beside what the same method does with perfect perception. Each model run
/// opens its own engine (an engine binds to one camera path's slab pool for its life); each run is deterministic
/// (virtual time, single thread).
/// </summary>
internal sealed class CameraPathSuite
{
    private readonly SimSettings _settings;
    private readonly CameraPathSuiteOptions _options;
    private readonly TextWriter _progress;

    public CameraPathSuite(SimSettings settings, CameraPathSuiteOptions options, TextWriter progress)
    {
        _settings = settings;
        _options = options;
        _progress = progress;
    }

    public IReadOnlyList<CameraPathSuiteRow> Run(IReadOnlyList<Scenario> scenarios)
    {
        CameraRig rig = SimRunner.SelectCameras(_settings, RigFile.Load(_settings.RigFile));
        if (_options.RunModel && _settings.Inference is null)
        {
            throw new UsageException("--perception model needs a model: set inference.model in the settings or pass --model");
        }

        var planner = new PlannerOptions();
        var rows = new List<CameraPathSuiteRow>(scenarios.Count);
        foreach (Scenario scenario in scenarios)
        {
            ScenarioResult truth = ScenarioRunner.Run(scenario, planner);
            ScenarioResult? oracle = _options.RunOracle ? RunThroughCameras(scenario, rig, PerceptionSource.Oracle, null, planner) : null;
            ScenarioResult? model = null;
            if (_options.RunModel)
            {
                using IPerceptionEngine engine = CameraPathEngine.Open(_settings.Inference!, _settings, rig, TextWriter.Null);
                model = RunThroughCameras(scenario, rig, PerceptionSource.Model, engine, planner);
            }

            var row = new CameraPathSuiteRow(scenario.Name, truth, oracle, model);
            rows.Add(row);
            _progress.WriteLine(CameraPathSuiteWriter.Line(row));
        }

        return rows;
    }

    private ScenarioResult RunThroughCameras(Scenario scenario, CameraRig rig, PerceptionSource perception, IPerceptionEngine? engine, PlannerOptions planner)
    {
        CameraPathOptions options = CameraPathRunOptions.For(_settings, rig, perception);
        using var cameraPath = new CameraPathWorldModel(scenario, options, engine);
        return ScenarioRunner.Run(scenario, planner, cameraPath);
    }
}
