using Octopilot.Host.Cli;

namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>Runs the CLI in-process and captures what it printed.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = OctopilotCli.Run(args, output, error);
        return new CliRun(code, output.ToString(), error.ToString());
    }
}
