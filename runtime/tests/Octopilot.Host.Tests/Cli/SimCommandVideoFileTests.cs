using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot sim` with a rig that mixes a video-file camera (a real dashcam clip through ffmpeg) and synthetic ones.</summary>
public sealed class SimCommandVideoFileTests
{
    private static string Settings(TempFolder temp, string camera)
    {
        Assert.True(File.Exists("/usr/bin/ffmpeg") || File.Exists("/usr/local/bin/ffmpeg"), "ffmpeg is not installed: apt-get install ffmpeg (.ci/run does)");
        string clip = SharedData.File("udacity-lanelines-p1", "test_videos/solidWhiteRight.mp4");
        string config = Path.Combine(RepositoryPaths.ConfigDirectory, "rig-default-8cam.json").Replace("\\", "\\\\", StringComparison.Ordinal);
        string scenario = Path.Combine(RepositoryPaths.ConfigDirectory, "scenario-highway.json").Replace("\\", "\\\\", StringComparison.Ordinal);
        return temp.Write("sim-video.json", $$"""
            {
              "rig": "{{config}}",
              "scenario": "{{scenario}}",
              "videoFiles": { "{{camera}}": "{{clip}}" },
              "mode": { "widthPx": 384, "heightPx": 288, "framesPerSecond": 15 },
              "pipeline": { "slabCount": 4, "syncToleranceMs": 5, "setDeadlineMs": 50 }
            }
            """);
    }

    [Fact]
    public void Sim_VideoFileBesideSyntheticCameras_DeliversFramesWithoutErrors()
    {
        using var temp = new TempFolder();

        CliRun run = CliRun.Of("sim", "--config", Settings(temp, "main_forward"), "--duration", "2", "--no-inference");

        Assert.True(run.ExitCode == ExitCodes.Ok, run.Error + run.Output);
        string row = run.Output.Split('\n').Single(l => l.StartsWith("main_forward ", StringComparison.Ordinal));
        string[] cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries); // name captured fps dropped late errors gaps missing
        // Drops and late frames depend on the machine's load (test projects run in parallel); errors do not.
        Assert.True(int.Parse(cells[1], System.Globalization.CultureInfo.InvariantCulture) >= 20, row);
        Assert.Equal("0", cells[5]);
        Assert.DoesNotContain("fault: camera main_forward", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_VideoFileForACameraNotInTheRig_ExitsTwoListingTheRigsCameras()
    {
        using var temp = new TempFolder();

        CliRun run = CliRun.Of("sim", "--config", Settings(temp, "roof_cam"), "--duration", "1", "--no-inference");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("videoFiles.roof_cam: must name a camera of the rig (main_forward", run.Error, StringComparison.Ordinal);
    }
}
