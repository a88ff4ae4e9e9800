using System.CommandLine;
using Octopilot.DriveLog.Reading;

namespace Octopilot.Host.Cli;

/// <summary>`octopilot log info DIR`: what a recorded drive holds (duration, streams, rates, gaps, drops, damage).</summary>
internal static class LogCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("drive") { Description = "The drive folder" };
        var info = new Command("info", "Summarise a recorded drive: duration, streams and rates, gaps, recorder drops, corruption") { folder };
        info.SetAction(parse =>
        {
            try
            {
                DriveSummary summary = DriveSummary.Read(parse.GetValue(folder)!);
                output.Write(summary.ToText());
                return ExitCodes.Ok;
            }
            catch (DriveLogException e)
            {
                error.WriteLine($"octopilot log info: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return new Command("log", "Recorded drive logs") { info };
    }
}
