using System.Globalization;
using Octopilot.CameraPath;
using Octopilot.Core.Calibration;
using Octopilot.Core.Statistics;
using Octopilot.Core.Time;
using Octopilot.Host.Cli;
using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Providers;
using Octopilot.Planner;
using Octopilot.Planner.Simulation;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Host.ClosedLoop;

/// <summary>
/// `octopilot sim --scenario PLANNER-SCENARIO.json`: the planner scenario closed loop with the whole camera path in it
/// (synthetic cameras → oracle or HydraNet → BEV fusion, lane fit, tracker → world model → planner → simulated vehicle
/// → cameras), on virtual time, judged by the same checks as `octopilot scenario run`. Exit 0 pass, 1 fail.
/// </summary>
internal sealed class ClosedLoopSimRunner
{
    private readonly SimSettings _settings;
    private readonly ClosedLoopRunOptions _run;
    private readonly TextWriter _output;

    public ClosedLoopSimRunner(SimSettings settings, ClosedLoopRunOptions run, TextWriter output)
    {
        _settings = settings;
        _run = run;
        _output = output;
    }

    public int Run()
    {
        Scenario scenario = ScenarioFile.Load(_settings.ScenarioFile);
        CameraRig rig = SimRunner.SelectCameras(_settings, RigFile.Load(_settings.RigFile));
        using IPerceptionEngine? engine = _settings.Inference is InferenceOptions inference
            ? CameraPathEngine.Open(inference, _settings, rig, _output)
            : null;
        if (_run.Perception == PerceptionSource.Model && engine is null)
        {
            throw new UsageException("--perception model needs a model: set inference.model in the settings or pass --model, and drop --no-inference");
        }

        string label = _run.Perception == PerceptionSource.Model
            ? "MODEL"
            : engine is null ? "ORACLE" : "ORACLE (HYDRANET IN SHADOW)";
        var status = new ClosedLoopStatus(_output, label, _run.StatusIntervalS, _run.BevSnapshotDirectory, _run.BevSnapshotIntervalS);
        CameraPathOptions options = CameraPathRunOptions.For(_settings, rig, _run.Perception);
        using var cameraPath = new CameraPathWorldModel(scenario, options, engine, status);

        _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"octopilot sim: scenario '{scenario.Name}' closed loop through the camera path: {rig.Count} cameras {_settings.Mode}, rig '{rig.Name}', {scenario.DurationS:0.#} s of virtual time"));
        _output.WriteLine(engine is null
            ? $"perception: {label.ToLowerInvariant()} (no model loaded)"
            : string.Create(CultureInfo.InvariantCulture, $"perception: {label.ToLowerInvariant()}; model {Path.GetFileName(_settings.Inference!.ModelPath)} on {ExecutionProviderNames.NameOf(engine.Provider)}"));

        ScenarioResult result = ScenarioRunner.Run(scenario, new PlannerOptions(), cameraPath);
        ScenarioReportWriter.Write(_output, result);
        WriteSummary(cameraPath);
        foreach (string file in status.BevFiles.Take(3))
        {
            _output.WriteLine($"bev snapshot: {file}");
        }

        if (status.BevFiles.Count > 3)
        {
            _output.WriteLine($"bev snapshot: ... {status.BevFiles.Count} pictures in {Path.GetFullPath(_run.BevSnapshotDirectory!)}");
        }

        return result.Passed ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private void WriteSummary(CameraPathWorldModel cameraPath)
    {
        CameraPathStatistics s = cameraPath.Statistics;
        var b = cameraPath.Builder;
        CultureInfo c = CultureInfo.InvariantCulture;
        _output.WriteLine(string.Create(c,
            $"camera path: {s.FrameSets} frame sets; per set render {Ms(s.Render)}, perception {Ms(s.Perception)}, world model {Ms(s.WorldModel)} (p50 / p99, this machine)"));
        _output.WriteLine(string.Create(c,
            $"world model: lanes not fitted in {b.SetsWithoutLanes} sets; detections projected {b.Projector.Total.Projected}, rejected above horizon {b.Projector.Total.RejectedAboveHorizon}, out of range {b.Projector.Total.RejectedOutOfRange}; tracker merged {b.Tracker.MergedMeasurements}, refused births {b.Tracker.RefusedBirths}"));
        if (s.ShadowInference.Count > 0)
        {
            _output.WriteLine(string.Create(c,
                $"shadow model: {s.ShadowInference.Count} runs, {Ms(s.ShadowInference)}; detections {s.ShadowDetections} vs oracle {s.OracleDetections}; lanes map mean |model - oracle| {s.ShadowLanesMeanAbsDifference:0.000}"));
        }
    }

    private static string Ms(LogHistogram h) => string.Create(CultureInfo.InvariantCulture,
        $"{TimeUnits.NsToMs(h.PercentileNs(50)):0.00} / {TimeUnits.NsToMs(h.PercentileNs(99)):0.00} ms");
}
