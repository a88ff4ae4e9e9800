using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Cli;

/// <summary>Bad input exits 2 with a message naming the option or file, and writes nothing.</summary>
public sealed class DatasetExportBadInputTests
{
    [Fact]
    public void Export_MissingScenarioFile_ExitsTwoNamingTheFile()
    {
        using var folder = new TempFolder();
        string outDirectory = Path.Combine(folder.Path, "out");
        string[] args = DatasetExportRun.Arguments(outDirectory, 2, "1");
        args[Array.IndexOf(args, "--scenarios") + 1] = Path.Combine(folder.Path, "no-such-scenario.json");

        CliRun run = CliRun.Of(args);

        AssertRefused(run, outDirectory, "--scenarios", "no-such-scenario.json");
    }

    [Fact]
    public void Export_InvalidScenarioFile_ExitsTwoNamingFileAndField()
    {
        using var folder = new TempFolder();
        string bad = folder.Write("bad-scenario.json", File.ReadAllText(RepositoryFiles.Scenario).Replace("\"laneCount\": 3", "\"laneCount\": 0", StringComparison.Ordinal));
        string outDirectory = Path.Combine(folder.Path, "out");
        string[] args = DatasetExportRun.Arguments(outDirectory, 2, "1");
        args[Array.IndexOf(args, "--scenarios") + 1] = bad;

        CliRun run = CliRun.Of(args);

        AssertRefused(run, outDirectory, "bad-scenario.json", "laneCount");
    }

    [Theory]
    [InlineData("--frames", "0", "--frames")]
    [InlineData("--width", "65", "--width")]
    [InlineData("--width", "8", "--width")]
    [InlineData("--height", "5000", "--height")]
    [InlineData("--val-fraction", "1.5", "--val-fraction")]
    [InlineData("--rig", "/no/such/rig.json", "--rig")]
    [InlineData("--threads", "0", "--threads")]
    public void Export_BadOptionValue_ExitsTwoNamingTheOption(string option, string value, string named)
    {
        using var folder = new TempFolder();
        string outDirectory = Path.Combine(folder.Path, "out");
        string[] args = DatasetExportRun.Arguments(outDirectory, 2, "1");
        int at = Array.IndexOf(args, option);
        args = at >= 0 ? args : [.. args, option, value];
        args[(at >= 0 ? at : args.Length - 2) + 1] = value;

        CliRun run = CliRun.Of(args);

        AssertRefused(run, outDirectory, named);
    }

    [Fact]
    public void Export_WrongAspectRatio_ExitsTwoNamingTheSizeAndTheRigsRatio()
    {
        using var folder = new TempFolder();
        string outDirectory = Path.Combine(folder.Path, "out");

        CliRun run = CliRun.Of(DatasetExportRun.Arguments(outDirectory, 2, "1", 64, 64));

        AssertRefused(run, outDirectory, "--width/--height", "64x64", "1280:960");
    }

    [Fact]
    public void Export_NoOutOption_ExitsTwoNamingIt()
    {
        CliRun run = CliRun.Of("dataset", "export", "--scenarios", RepositoryFiles.Scenario, "--frames", "1");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("--out", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Export_NonEmptyOut_ExitsTwoUnlessForceThenReplacesTheDataset()
    {
        using var folder = new TempFolder();
        string outDirectory = Path.Combine(folder.Path, "out");
        Directory.CreateDirectory(Path.Combine(outDirectory, "samples", "999999"));
        File.WriteAllText(Path.Combine(outDirectory, "notes.txt"), "keep me");

        CliRun refused = CliRun.Of(DatasetExportRun.Arguments(outDirectory, 1, "1"));

        Assert.Equal(ExitCodes.ConfigurationError, refused.ExitCode);
        Assert.Contains("--out", refused.Error, StringComparison.Ordinal);
        Assert.Contains("not empty", refused.Error, StringComparison.Ordinal);
        Assert.Contains("--force", refused.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(outDirectory, "manifest.json")));

        CliRun forced = CliRun.Of(DatasetExportRun.Arguments(outDirectory, 1, "1", "--force"));

        Assert.True(forced.ExitCode == ExitCodes.Ok, forced.Error + forced.Output);
        Assert.True(File.Exists(Path.Combine(outDirectory, "manifest.json")));
        Assert.Equal(["000000"], Directory.GetDirectories(Path.Combine(outDirectory, "samples")).Select(Path.GetFileName));
        Assert.True(File.Exists(Path.Combine(outDirectory, "notes.txt")));
    }

    private static void AssertRefused(CliRun run, string outDirectory, params string[] named)
    {
        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        foreach (string text in named)
        {
            Assert.Contains(text, run.Error, StringComparison.Ordinal);
        }

        Assert.False(Directory.Exists(outDirectory), "a refused export must not create its output folder");
        Assert.Equal(string.Empty, run.Output);
    }
}
