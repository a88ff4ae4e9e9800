using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Cli;

/// <summary>Bad rig, scenario, settings or options: a message naming file, field and rule, exit code 2, nothing started.</summary>
public sealed class SimCommandBadInputTests
{
    [Theory]
    [InlineData("\"fxPx\": 1372.5", "\"fxPx\": -5", "$.cameras[0].intrinsics.fxPx", "focal length must be > 0")]
    [InlineData("\"yawPitchRollDeg\": [0.0, 1.0, 0.0]", "\"rotationMatrix\": [[1, 0, 0], [0, 1, 0], [0, 0.2, 1]]", "$.cameras[0].extrinsics.rotationMatrix", "orthonormal")]
    [InlineData("\"fxPx\": 1372.5", "\"fxPx\": 1372.5, \"skew\": 0", "$.cameras[0].intrinsics.skew", "is not a known key")]
    [InlineData("\"translationM\": [-0.95, 0.00, 1.00]", "\"translationM\": [-0.95, 0.00, -0.30]", "$.cameras[7].extrinsics.translationM", "above the ground")]
    [InlineData("\"name\": \"rear\"", "\"name\": \"main_forward\"", "$.cameras[7].name", "must be unique")]
    public void Run_BrokenRigFile_ExitsTwoNamingFileFieldAndRule(string original, string broken, string field, string rule)
    {
        using var folder = new TempFolder();
        string rigText = File.ReadAllText(RepositoryFiles.Rig);
        Assert.Contains(original, rigText, StringComparison.Ordinal);
        string rig = folder.Write("broken-rig.json", ReplaceFirst(rigText, original, broken));

        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--rig", rig, "--duration", "1");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("broken-rig.json", run.Error, StringComparison.Ordinal);
        Assert.Contains(field, run.Error, StringComparison.Ordinal);
        Assert.Contains(rule, run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("summary:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SettingsNameACameraMissingFromTheRig_ExitsTwoListingTheRigCameras()
    {
        using var folder = new TempFolder();
        string settings = folder.Write("sim.json", $$"""
            {
              "rig": "{{Escape(RepositoryFiles.Rig)}}",
              "scenario": "{{Escape(RepositoryFiles.Scenario)}}",
              "cameras": ["main_forward", "roof_camera"],
              "mode": { "widthPx": 384, "heightPx": 288, "framesPerSecond": 15 }
            }
            """);

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("$.cameras[1]", run.Error, StringComparison.Ordinal);
        Assert.Contains("\"roof_camera\"", run.Error, StringComparison.Ordinal);
        Assert.Contains("left_repeater", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ModeWithAnotherAspectRatioThanTheRig_ExitsTwoNamingTheCameraAndWhatIsAllowed()
    {
        using var folder = new TempFolder();
        string settings = folder.Write("sim.json", $$"""
            {
              "rig": "{{Escape(RepositoryFiles.Rig)}}",
              "scenario": "{{Escape(RepositoryFiles.Scenario)}}",
              "mode": { "widthPx": 640, "heightPx": 360, "framesPerSecond": 15 }
            }
            """);

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("main_forward", run.Error, StringComparison.Ordinal);
        Assert.Contains("aspect ratio", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_SettingsWithUnknownKey_ExitsTwoNamingTheKey()
    {
        using var folder = new TempFolder();
        string settings = folder.Write("sim.json", File.ReadAllText(RepositoryFiles.SimSettings)
            .Replace("\"cameraPhaseSpreadMs\"", "\"cameraPhaseSpreadMS\"", StringComparison.Ordinal)
            .Replace("rig-default-8cam.json", Escape(RepositoryFiles.Rig), StringComparison.Ordinal)
            .Replace("scenario-highway.json", Escape(RepositoryFiles.Scenario), StringComparison.Ordinal));

        CliRun run = CliRun.Of("sim", "--config", settings);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("$.cameraPhaseSpreadMS", run.Error, StringComparison.Ordinal);
        Assert.Contains("is not a known key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_MalformedScenarioJson_ExitsTwoWithTheLine()
    {
        using var folder = new TempFolder();
        string scenario = folder.Write("scenario.json", "{\n  \"seed\": 1,\n  \"road\": {\n}");

        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, "--scenario", scenario);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("scenario.json:", run.Error, StringComparison.Ordinal);
        Assert.Contains("must be valid JSON", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "0", "--duration: must be in")]
    [InlineData("--duration", "abc", "abc")]
    [InlineData("--no-such-option", "1", "--no-such-option")]
    [InlineData("--rig", "/nonexistent/rig.json", "no such file")]
    public void Run_BadCommandLine_ExitsTwoNamingTheOption(string option, string value, string expected)
    {
        CliRun run = CliRun.Of("sim", "--config", RepositoryFiles.SimSettings, option, value);

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    private static string ReplaceFirst(string text, string original, string replacement)
    {
        int at = text.IndexOf(original, StringComparison.Ordinal);
        Assert.Equal(at, text.LastIndexOf(original, StringComparison.Ordinal)); // the edit must hit exactly one camera
        return string.Concat(text.AsSpan(0, at), replacement, text.AsSpan(at + original.Length));
    }

    private static string Escape(string path) => path.Replace("\\", "\\\\", StringComparison.Ordinal);
}
