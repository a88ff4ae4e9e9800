using System.CommandLine;

namespace Octopilot.Host.Cli;

/// <summary>The command tree of the `octopilot` binary and its exit-code policy.</summary>
public static class OctopilotCli
{
    /// <summary>Parses and runs; parse errors print what was wrong and exit 2 without starting anything.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Octopilot: in-car inference runtime (cameras → HydraNet → BEV → planner)")
        {
            SimCommand.Build(output, error),
            ModelCommand.Build(output, error),
            ScenarioCommand.Build(output, error),
            ReplayCommand.Build(output, error),
            LogCommand.Build(output, error),
            RunCommand.Build(output, error),
            PerceiveCommand.Build(output, error),
            BenchCommand.Build(output, error),
            CamerasCommand.Build(output, error),
            DatasetCommand.Build(output, error),
        };
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (System.CommandLine.Parsing.ParseError parseError in parse.Errors)
            {
                error.WriteLine($"octopilot: {parseError.Message}");
            }

            error.WriteLine("run 'octopilot --help' for usage");
            return ExitCodes.ConfigurationError;
        }

        return parse.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
