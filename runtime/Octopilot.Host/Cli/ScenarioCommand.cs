using System.CommandLine;
using System.Text.Json;
using Octopilot.Core.Configuration;
using Octopilot.Host.ClosedLoop;
using Octopilot.Host.Sim;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Planner;
using Octopilot.Planner.Simulation;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Host.Cli;

/// <summary>
/// `octopilot scenario run FILE|DIR... [--json OUT]`: runs closed-loop planner scenarios on virtual time and prints,
/// per scenario, pass/fail and the measured figures. With `--camera-path [--perception oracle|model|both]` each
/// scenario also runs through the synthetic cameras, perception, BEV fusion and tracker (<see cref="CameraPathSuite"/>)
/// and the verdicts stand side by side. Exit 0 when every check of every run passed, 1 when any failed, 2 when a file
/// or option is malformed (nothing is run then).
/// </summary>
internal static class ScenarioCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Build(TextWriter output, TextWriter error)
    {
        var paths = new Argument<string[]>("files")
        {
            Description = "Scenario files, or folders of *.json scenario files (e.g. planner/scenarios)",
            Arity = ArgumentArity.OneOrMore,
        };
        var json = new Option<string?>("--json") { Description = "Also write every result, with all figures and checks, to this JSON file" };
        var cameraPath = new Option<bool>("--camera-path")
        {
            Description = "Also drive each scenario through the eight synthetic cameras, perception, BEV fusion and tracker (slow: about real time per scenario and perception)",
        };
        var perception = new Option<string>("--perception")
        {
            Description = "With --camera-path: oracle (label maps), model (the HydraNet) or both, each beside the ground-truth verdict",
            DefaultValueFactory = _ => "both",
        };
        perception.AcceptOnlyFromAmong("oracle", "model", "both");
        var model = new Option<string?>("--model") { Description = "With --camera-path: HydraNet .onnx overriding the settings' model" };
        var config = new Option<string>("--config")
        {
            Description = "With --camera-path: sim settings file (rig, capture mode, model)",
            DefaultValueFactory = _ => SimCommand.DefaultSettingsPath,
        };
        var run = new Command("run", "Run closed-loop planner scenarios and check them") { paths, json, cameraPath, perception, model, config };
        run.SetAction(parse =>
        {
            try
            {
                IReadOnlyList<Scenario> scenarios = LoadAll(parse.GetValue(paths)!);
                if (parse.GetValue(cameraPath))
                {
                    return RunThroughCameras(scenarios, parse.GetValue(perception)!, parse.GetValue(model), parse.GetValue(config)!, parse.GetValue(json), output);
                }

                var options = new PlannerOptions();
                var results = new List<ScenarioResult>(scenarios.Count);
                foreach (Scenario scenario in scenarios)
                {
                    ScenarioResult result = ScenarioRunner.Run(scenario, options);
                    results.Add(result);
                    ScenarioReportWriter.Write(output, result);
                }

                int failed = results.Count(r => !r.Passed);
                output.WriteLine($"{results.Count - failed} of {results.Count} scenarios passed" + (failed > 0 ? $"; failed: {string.Join(", ", results.Where(r => !r.Passed).Select(r => r.Name))}" : string.Empty));
                if (parse.GetValue(json) is string jsonPath)
                {
                    WriteJson(jsonPath, results);
                    output.WriteLine($"results written to {Path.GetFullPath(jsonPath)}");
                }

                return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
            }
            catch (Exception e) when (e is ConfigException or UsageException or InferenceStartupException or ModelContractException or ModelLoadException)
            {
                error.WriteLine($"octopilot scenario run: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return new Command("scenario", "Closed-loop planner scenarios") { run };
    }

    private static int RunThroughCameras(IReadOnlyList<Scenario> scenarios, string perception, string? model, string configPath, string? jsonPath, TextWriter output)
    {
        if (!File.Exists(configPath))
        {
            throw new UsageException($"--config: no such file: {Path.GetFullPath(configPath)}");
        }

        SimSettings settings = InferenceOverrides.Apply(SimSettingsFile.Load(configPath), model, null, null, noInference: perception == "oracle");
        var options = new CameraPathSuiteOptions { RunOracle = perception != "model", RunModel = perception != "oracle" };
        IReadOnlyList<CameraPathSuiteRow> rows = new CameraPathSuite(settings, options, output).Run(scenarios);
        CameraPathSuiteWriter.WriteSummary(output, rows);
        if (jsonPath is not null)
        {
            EnsureDirectoryOf(jsonPath);
            CameraPathSuiteWriter.WriteJson(jsonPath, rows);
            output.WriteLine($"results written to {Path.GetFullPath(jsonPath)}");
        }

        return rows.All(r => r.Passed) ? ExitCodes.Ok : ExitCodes.Failed;
    }

    /// <summary>Every file is parsed (and refused with file, field and rule) before any scenario runs.</summary>
    private static IReadOnlyList<Scenario> LoadAll(IEnumerable<string> paths)
    {
        var files = new List<string>();
        foreach (string path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.GetFiles(path, "*.json").Order(StringComparer.Ordinal));
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new UsageException($"no such scenario file or folder: {Path.GetFullPath(path)}");
            }
        }

        if (files.Count == 0)
        {
            throw new UsageException("no scenario files found (folders are searched for *.json)");
        }

        return files.Select(ScenarioFile.Load).ToArray();
    }

    private static void WriteJson(string path, IReadOnlyList<ScenarioResult> results)
    {
        EnsureDirectoryOf(path);
        File.WriteAllText(path, JsonSerializer.Serialize(results, JsonOptions));
    }

    private static void EnsureDirectoryOf(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }
    }
}
