using System.Globalization;
using System.Text.Json.Nodes;
using Octopilot.Host.Cli;
using Octopilot.KernelTests.Infrastructure;
using Octopilot.Testing;

namespace Octopilot.KernelTests.V4l2;

/// <summary>
/// The whole runtime on a real V4L2 driver: `octopilot cameras list` finds vivid, and `octopilot sim` with a rig that
/// puts a vivid webcam (the rig file's devices section) and a dashcam clip (the settings' videoFiles) beside a
/// synthetic camera runs the pipeline and reports each camera's rate.
/// </summary>
public sealed class SimWithVividTests
{
    [Fact]
    public void CamerasList_VividLoaded_PrintsItsNodeFormatsAndSizes()
    {
        using var vivid = new VividDevices();
        using var output = new StringWriter();
        using var error = new StringWriter();

        int code = OctopilotCli.Run(["cameras", "list"], output, error);

        Assert.True(code == ExitCodes.Ok, error.ToString());
        string text = output.ToString();
        Assert.Contains($"{vivid.CapturePath(0)}  vivid", text, StringComparison.Ordinal);
        Assert.Contains("YUYV", text, StringComparison.Ordinal);
        Assert.Contains("640x480  @ ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Sim_VividDeviceAndVideoFileBesideSyntheticCamera_ReportsEveryCamerasRate()
    {
        using var vivid = new VividDevices();
        string clip = SharedData.File("udacity-lanelines-p1", "test_videos/solidWhiteRight.mp4");
        string folder = Directory.CreateTempSubdirectory("octopilot-sim-vivid-").FullName;
        try
        {
            // The default rig's calibrations, with left_pillar mapped onto vivid's webcam (4:3 like the rig's cameras).
            JsonNode rig = JsonNode.Parse(File.ReadAllText(RepositoryPaths.DefaultRig))!;
            rig["devices"] = new JsonObject { ["left_pillar"] = new JsonObject { ["path"] = vivid.CapturePath(0), ["pixelFormat"] = "YUYV" } };
            string rigFile = Path.Combine(folder, "rig-vivid.json");
            File.WriteAllText(rigFile, rig.ToJsonString());
            var settings = new JsonObject
            {
                ["rig"] = rigFile,
                ["scenario"] = RepositoryPaths.DefaultScenario,
                ["cameras"] = new JsonArray("main_forward", "left_pillar", "narrow_forward"),
                ["videoFiles"] = new JsonObject { ["main_forward"] = clip },
                ["mode"] = new JsonObject { ["widthPx"] = 640, ["heightPx"] = 480, ["framesPerSecond"] = 10 },
                ["pipeline"] = new JsonObject { ["slabCount"] = 4, ["syncToleranceMs"] = 40, ["setDeadlineMs"] = 90 },
            };
            string settingsFile = Path.Combine(folder, "sim-vivid.json");
            File.WriteAllText(settingsFile, settings.ToJsonString());
            using var output = new StringWriter();
            using var error = new StringWriter();

            int code = OctopilotCli.Run(["sim", "--config", settingsFile, "--duration", "8", "--no-inference", "--status-interval", "2"], output, error);

            string text = output.ToString();
            Assert.True(code == ExitCodes.Ok, error + text);
            Assert.True(text.Contains($"camera left_pillar: V4L2 {vivid.CapturePath(0)} (vivid", StringComparison.Ordinal), text);
            Assert.True(text.Contains("YUYV 640x480 at 10 fps", StringComparison.Ordinal), text);
            Assert.True(text.Contains("ConvertedFromDriverBuffer, 0 B copied per frame", StringComparison.Ordinal), text);
            Assert.True(text.Contains("camera main_forward: video file", StringComparison.Ordinal), text);
            foreach (string camera in new[] { "main_forward", "left_pillar", "narrow_forward" })
            {
                // Summary row: name captured fps dropped late errors gaps missing. Rates depend on the emulation's speed;
                // that every camera delivered and none failed does not.
                string row = text.Split('\n').Single(l => l.StartsWith(camera + " ", StringComparison.Ordinal));
                string[] cells = row.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                Assert.True(long.Parse(cells[1], CultureInfo.InvariantCulture) > 0, row);
                Assert.True(double.Parse(cells[2], CultureInfo.InvariantCulture) > 0, row);
                Assert.True(cells[5] == "0", $"{camera} counted errors: {row}\n{text}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
