using System.Text.RegularExpressions;
using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>
/// `octopilot sim --record DIR`, then `octopilot replay DIR --compare` and `octopilot log info DIR`: a live sim drive
/// (real capture threads, inference thread, planner tick thread) recorded and replayed deterministically. Short drives
/// here; the 30 s acceptance run is in the issue note and bench/README.md.
/// </summary>
public sealed partial class RecordReplayCommandTests
{
    [Fact]
    public void RecordedOracleDrive_ReplaysBitIdentical_ThreeTimes()
    {
        using var folder = new TempFolder();
        string drive = Path.Combine(folder.Path, "drive");

        CliRun sim = CliRun.Of("sim", "--duration", "3", "--no-inference", "--record", drive, "--status-interval", "3");
        Assert.True(sim.ExitCode == ExitCodes.Ok, sim.Error + sim.Output);
        Assert.Matches(@"recording:   .*1 segment\(s\), \d+ records", sim.Output);

        var hashes = new List<string>();
        for (int run = 0; run < 3; run++)
        {
            CliRun replay = CliRun.Of("replay", drive, "--compare");
            Assert.True(replay.ExitCode == ExitCodes.Ok, replay.Error + replay.Output);
            Assert.Contains("verdict:     IDENTICAL", replay.Output, StringComparison.Ordinal);
            Match commands = CommandsLine().Match(replay.Output);
            Assert.True(commands.Success, replay.Output);
            Assert.True(int.Parse(commands.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) > 100, commands.Value);
            Assert.Equal("0", commands.Groups[2].Value);
            hashes.Add(commands.Groups[3].Value);
        }

        Assert.Single(hashes.Distinct());
    }

    [Fact]
    public void RecordedModelDrive_WithGroundContactItsOwnThresholdRangeNoiseAndNmsIou_ReplaysIdentical()
    {
        // The engine options change which detections reach the world model and the range noise how the tracker takes
        // them: a replay must run them as the drive did (it ran the defaults, 0.3, modelDepth and 2 %, and diverged).
        using var folder = new TempFolder();
        string drive = Path.Combine(folder.Path, "drive");
        string settings = DefaultSimSettingsCopy.Write(folder, "groundContact", "0.45", "0.07", objectNmsIou: "0.3");
        Assert.Contains("\"objectRangeNoiseFraction\": 0.07", File.ReadAllText(settings), StringComparison.Ordinal);

        CliRun sim = CliRun.Of("sim", "--config", settings, "--duration", "3", "--perception", "model", "--record", drive, "--status-interval", "3");
        Assert.True(sim.ExitCode == ExitCodes.Ok, sim.Error + sim.Output);
        CliRun replay = CliRun.Of("replay", drive, "--compare");

        Assert.True(replay.ExitCode == ExitCodes.Ok, replay.Error + replay.Output);
        Assert.Contains("verdict:     IDENTICAL", replay.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void LogInfo_SummarisesTheRecordedDrive()
    {
        using var folder = new TempFolder();
        string drive = Path.Combine(folder.Path, "drive");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("sim", "--duration", "2", "--no-inference", "--record", drive, "--status-interval", "2").ExitCode);

        CliRun info = CliRun.Of("log", "info", drive);

        Assert.True(info.ExitCode == ExitCodes.Ok, info.Error + info.Output);
        Assert.Contains("ControlCommand", info.Output, StringComparison.Ordinal);
        Assert.Contains("CameraFrame", info.Output, StringComparison.Ordinal);
        Assert.Contains("main_forward", info.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_OfAFolderWithoutADrive_ExitsTwoNamingTheFolder()
    {
        using var folder = new TempFolder();

        CliRun replay = CliRun.Of("replay", folder.Path, "--compare");

        Assert.Equal(ExitCodes.ConfigurationError, replay.ExitCode);
        Assert.Contains(folder.Path, replay.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_IntoAFolderThatHoldsADrive_ExitsTwo()
    {
        using var folder = new TempFolder();
        string drive = Path.Combine(folder.Path, "drive");
        Assert.Equal(ExitCodes.Ok, CliRun.Of("sim", "--duration", "1", "--no-inference", "--record", drive, "--status-interval", "1").ExitCode);

        CliRun again = CliRun.Of("sim", "--duration", "1", "--no-inference", "--record", drive);

        Assert.Equal(ExitCodes.ConfigurationError, again.ExitCode);
        Assert.Contains(drive, again.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--record-decimation", "0")]
    [InlineData("--record-decimation", "1,2")]
    [InlineData("--record-segment-length", "0.5")]
    public void Record_BadOption_ExitsTwoNamingIt(string option, string value)
    {
        using var folder = new TempFolder();

        CliRun run = CliRun.Of("sim", "--duration", "1", "--no-inference", "--record", Path.Combine(folder.Path, "d"), option, value);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains(option, run.Error, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"commands:    (\d+) compared, (\d+) differ; stream hash ([0-9a-f]{16})")]
    private static partial Regex CommandsLine();
}
