using Octopilot.Host.Cli;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Cli;

/// <summary>`octopilot cameras list` where there are no real devices (the kernel-backed tests list vivid's).</summary>
public sealed class CamerasCommandTests
{
    [Fact]
    public void CamerasList_NoVideoNodes_SaysSoAndExitsZero()
    {
        using var temp = new TempFolder();

        CliRun run = CliRun.Of("cameras", "list", "--dev", temp.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains($"no V4L2 devices under {temp.Path}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CamerasList_NodeThatIsNotADevice_ListedWithTheReason()
    {
        using var temp = new TempFolder();
        string node = temp.Write("video0", "not a device");

        CliRun run = CliRun.Of("cameras", "list", "--dev", temp.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        Assert.Contains(node, run.Output, StringComparison.Ordinal);
        Assert.Contains("not usable: VIDIOC_QUERYCAP", run.Output, StringComparison.Ordinal);
        Assert.Contains("ENOTTY", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void CamerasListJson_NodeThatIsNotADevice_WritesSchemaAndError()
    {
        using var temp = new TempFolder();
        temp.Write("video3", "x");

        CliRun run = CliRun.Of("cameras", "list", "--json", "--dev", temp.Path);

        Assert.Equal(ExitCodes.Ok, run.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(run.Output);
        Assert.Equal("octopilot-cameras/1", json.RootElement.GetProperty("schema").GetString());
        System.Text.Json.JsonElement device = Assert.Single(json.RootElement.GetProperty("devices").EnumerateArray());
        Assert.EndsWith("video3", device.GetProperty("path").GetString(), StringComparison.Ordinal);
        Assert.Contains("ENOTTY", device.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void CamerasList_DevDirectoryMissing_ExitsTwoNamingIt()
    {
        CliRun run = CliRun.Of("cameras", "list", "--dev", "/no/such/dev");

        Assert.Equal(ExitCodes.ConfigurationError, run.ExitCode);
        Assert.Contains("--dev /no/such/dev: no such directory", run.Error, StringComparison.Ordinal);
    }
}
