using System.Text.Json.Nodes;
using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot sim` with a rig whose devices section names V4L2 nodes, on a machine without them (the
/// kernel-backed tests run it against vivid): every mistake is refused before anything starts, naming what is wrong.</summary>
public sealed class SimCommandDeviceRigTests
{
    private static string Settings(TempFolder temp, JsonObject devices, JsonObject? videoFiles = null)
    {
        JsonNode rig = JsonNode.Parse(File.ReadAllText(RepositoryPaths.DefaultRig))!;
        rig["devices"] = devices;
        string rigFile = temp.Write("rig-devices.json", rig.ToJsonString());
        var settings = new JsonObject
        {
            ["rig"] = rigFile,
            ["scenario"] = RepositoryPaths.DefaultScenario,
            ["cameras"] = new JsonArray("main_forward", "left_pillar"),
            ["mode"] = new JsonObject { ["widthPx"] = 320, ["heightPx"] = 240, ["framesPerSecond"] = 10 },
        };
        if (videoFiles is not null)
        {
            settings["videoFiles"] = videoFiles;
        }

        return temp.Write("sim-devices.json", settings.ToJsonString());
    }

    [Fact]
    public void Sim_DeviceNodeAbsent_ExitsTwoNamingCameraAndNode()
    {
        using var temp = new TempFolder();
        string settings = Settings(temp, new JsonObject { ["left_pillar"] = "/dev/video-octopilot-absent" });

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1", "--no-inference");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("camera left_pillar", run.Error, StringComparison.Ordinal);
        Assert.Contains("/dev/video-octopilot-absent", run.Error, StringComparison.Ordinal);
        Assert.Contains("ENOENT", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_DeviceForACameraNotInTheRig_ExitsTwoListingTheRigsCameras()
    {
        using var temp = new TempFolder();
        string settings = Settings(temp, new JsonObject { ["roof_cam"] = "/dev/video0" });

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1", "--no-inference");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("$.devices.roof_cam", run.Error, StringComparison.Ordinal);
        Assert.Contains("must name a camera of the rig (main_forward", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_DevicePixelFormatNotConverted_ExitsTwoListingTheConvertibleOnes()
    {
        using var temp = new TempFolder();
        string settings = Settings(temp, new JsonObject { ["left_pillar"] = new JsonObject { ["path"] = "/dev/video0", ["pixelFormat"] = "MJPG" } });

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1", "--no-inference");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("$.devices.left_pillar.pixelFormat", run.Error, StringComparison.Ordinal);
        Assert.Contains("RGB3, YUYV, UYVY, NV12", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_SameNodeForTwoCameras_ExitsTwo()
    {
        using var temp = new TempFolder();
        string settings = Settings(temp, new JsonObject { ["left_pillar"] = "/dev/video0", ["main_forward"] = "/dev/video0" });

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1", "--no-inference");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("already camera left_pillar's", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_CameraBothDeviceAndVideoFile_ExitsTwo()
    {
        using var temp = new TempFolder();
        string clip = temp.Write("clip.mp4", "never opened: refused before any camera starts");
        string settings = Settings(temp, new JsonObject { ["left_pillar"] = "/dev/video0" }, new JsonObject { ["left_pillar"] = clip });

        CliRun run = CliRun.Of("sim", "--config", settings, "--duration", "1", "--no-inference");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("videoFiles.left_pillar: camera left_pillar is already a V4L2 device", run.Error, StringComparison.Ordinal);
    }
}
