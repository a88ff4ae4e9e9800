using Octopilot.Core.Calibration;
using Octopilot.Core.Configuration;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

public sealed class RigFileLoadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("octopilot-rig-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void LoadText_ValidRig_ReturnsBothCameras()
    {
        CameraRig rig = RigFile.LoadText(RigJson.FileName, RigJson.Valid().ToJsonString());

        Assert.Equal("test-rig", rig.Name);
        Assert.Equal(["front", "down-wide"], rig.Cameras.Select(c => c.Name));
    }

    [Fact]
    public void LoadText_NoRigName_UsesFileName()
    {
        var json = RigJson.Valid();
        json.Remove("name");

        CameraRig rig = RigFile.LoadText("/etc/octopilot/my-car.json", json.ToJsonString());

        Assert.Equal("my-car", rig.Name);
    }

    [Fact]
    public void Load_FileOnDisk_LoadsIt()
    {
        string path = Path.Combine(_directory, "rig.json");
        File.WriteAllText(path, RigJson.Valid().ToJsonString());

        Assert.Equal(2, RigFile.Load(path).Count);
    }

    [Fact]
    public void Load_BrokenFileOnDisk_MessageNamesThePath()
    {
        string path = Path.Combine(_directory, "broken.json");
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 1)["fxPx"] = 0;
        File.WriteAllText(path, json.ToJsonString());

        ConfigException e = Assert.Throws<ConfigException>(() => RigFile.Load(path));

        Assert.Equal(path, e.File);
        Assert.StartsWith(path + ": $.cameras[1].intrinsics.fxPx: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingFile_ThrowsConfigExceptionNamingThePath()
    {
        string path = Path.Combine(_directory, "absent.json");

        ConfigException e = Assert.Throws<ConfigException>(() => RigFile.Load(path));

        Assert.Equal(path, e.File);
        Assert.Contains("readable file", e.Message, StringComparison.Ordinal);
    }
}
