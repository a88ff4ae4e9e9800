using Octopilot.Host.Cli;

namespace Octopilot.Host;

/// <summary>Entry point of the `octopilot` binary: parse, run one command, exit with its code.</summary>
public static class Program
{
    public static int Main(string[] args) => OctopilotCli.Run(args, Console.Out, Console.Error);
}
