using System.CommandLine;
using System.Text.Json;
using Octopilot.Core.Configuration;
using Octopilot.Planner;
using Octopilot.Planner.Simulation;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Host.Cli;

/// <summary>
/// `octopilot scenario run FILE|DIR... [--json OUT]`: runs closed-loop planner scenarios on virtual time and prints,
/// per scenario, pass/fail and the measured figures. Exit 0 when every check of every scenario passed, 1 when any
/// failed, 2 when a file is malformed (nothing is run then).
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
        var run = new Command("run", "Run closed-loop planner scenarios and check them") { paths, json };
        run.SetAction(parse =>
        {
            try
            {
                IReadOnlyList<Scenario> scenarios = LoadAll(parse.GetValue(paths)!);
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
            catch (Exception e) when (e is ConfigException or UsageException)
            {
                error.WriteLine($"octopilot scenario run: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return new Command("scenario", "Closed-loop planner scenarios") { run };
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
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(path, JsonSerializer.Serialize(results, JsonOptions));
    }
}
