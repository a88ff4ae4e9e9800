using System.Globalization;
using System.Text.RegularExpressions;
using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Cli;

/// <summary>
/// `octopilot replay DIR --realtime`: a live sim drive recorded, then replayed through the live pipeline (eight capture
/// threads on replay cameras, the inference thread, the planner's tick thread) in real time. Timing-dependent results
/// (drops, the command comparison) are not asserted: on a loaded machine a late loop drops frames, as a camera would.
/// </summary>
public sealed partial class RealtimeReplayCommandTests
{
    [Fact]
    public void ReplayRealtime_OfARecordedSimDrive_ExitsZero_AndSummarisesFramesReplayedForAllEightCameras()
    {
        using var folder = new TempFolder();
        string drive = Path.Combine(folder.Path, "drive");
        CliRun sim = CliRun.Of("sim", "--duration", "3", "--no-inference", "--record", drive, "--status-interval", "3");
        Assert.True(sim.ExitCode == ExitCodes.Ok, sim.Error + sim.Output);

        CliRun replay = CliRun.Of("replay", drive, "--realtime");

        Assert.True(replay.ExitCode == ExitCodes.Ok, replay.Error + replay.Output);
        Assert.Contains("in real time at 1x", replay.Output, StringComparison.Ordinal);
        Assert.Contains("summary: ", replay.Output, StringComparison.Ordinal);
        foreach (string camera in RigNames.Default8)
        {
            Match row = Regex.Match(replay.Output, $@"^{camera}\s+(\d+)\s+(\d+)\s", RegexOptions.Multiline);
            Assert.True(row.Success, $"no summary row for {camera}:\n{replay.Output}");
            int recorded = int.Parse(row.Groups[1].Value, CultureInfo.InvariantCulture);
            int replayed = int.Parse(row.Groups[2].Value, CultureInfo.InvariantCulture);
            Assert.True(recorded > 20, row.Value);
            Assert.True(replayed > 0 && replayed <= recorded, row.Value);
        }

        Match commands = CommandsLine().Match(replay.Output);
        Assert.True(commands.Success, replay.Output);
        Assert.True(int.Parse(commands.Groups[1].Value, CultureInfo.InvariantCulture) > 100, commands.Value);
        Assert.Contains("verdict:     APPROXIMATE", replay.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayRealtime_WithCompare_ExitsTwoSayingBitExactNeedsTheDeterministicMode()
    {
        using var folder = new TempFolder();

        CliRun replay = CliRun.Of("replay", folder.Path, "--realtime", "--compare");

        Assert.Equal(ExitCodes.ConfigurationError, replay.ExitCode);
        Assert.Contains("--compare needs the deterministic replay", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayRealtime_WithPlannerOnly_ExitsTwo()
    {
        using var folder = new TempFolder();

        CliRun replay = CliRun.Of("replay", folder.Path, "--realtime", "--planner-only");

        Assert.Equal(ExitCodes.ConfigurationError, replay.ExitCode);
        Assert.Contains("--planner-only", replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ReplayRealtime_OfAFolderWithoutADrive_ExitsTwoNamingTheFolder()
    {
        using var folder = new TempFolder();

        CliRun replay = CliRun.Of("replay", folder.Path, "--realtime");

        Assert.Equal(ExitCodes.ConfigurationError, replay.ExitCode);
        Assert.Contains(folder.Path, replay.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"commands:    (\d+) recorded ticks compared with the nearest live tick")]
    private static partial Regex CommandsLine();
}
