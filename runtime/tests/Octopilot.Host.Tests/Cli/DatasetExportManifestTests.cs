using System.Text.Json;
using Octopilot.Host.Tests.Infrastructure;

namespace Octopilot.Host.Tests.Cli;

/// <summary>The manifest of an export: format, seed, command, mode, rig, cameras, classes and one entry per sample.</summary>
public sealed class DatasetExportManifestTests : IClassFixture<DatasetExportRun>
{
    private readonly DatasetExportRun _export;

    public DatasetExportManifestTests(DatasetExportRun export) => _export = export;

    [Fact]
    public void Manifest_SmallRun_NamesFormatSeedCommandModeRigCamerasAndClasses()
    {
        JsonElement m = _export.Manifest;
        Assert.Equal("octopilot-dataset/1", m.GetProperty("format").GetString());
        Assert.Equal(42UL, m.GetProperty("seed").GetUInt64());
        string[] command = m.GetProperty("command").EnumerateArray().Select(a => a.GetString()!).ToArray();
        Assert.Equal(["dataset", "export", "--scenarios"], command[..3]);
        Assert.Equal("dataset", command[Array.IndexOf(command, "--out") + 1]);
        Assert.Equal(DatasetExportRun.WidthPx, m.GetProperty("mode").GetProperty("widthPx").GetInt32());
        Assert.Equal(DatasetExportRun.HeightPx, m.GetProperty("mode").GetProperty("heightPx").GetInt32());
        Assert.Equal("rig-default-8cam.json", m.GetProperty("rig").GetString());
        Assert.Equal(RigNames.Default8, _export.Cameras);
        Assert.Equal(["vehicle"], m.GetProperty("classes").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(
            new Dictionary<string, string> { ["0"] = "sky", ["1"] = "offRoad", ["2"] = "road", ["3"] = "laneMarking", ["4"] = "vehicle", ["5"] = "solidLaneMarking" },
            m.GetProperty("labelClasses").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!));
    }

    [Fact]
    public void Manifest_Samples_CarryIdSplitScenarioTimeAndVariant()
    {
        foreach (JsonElement sample in _export.Manifest.GetProperty("samples").EnumerateArray())
        {
            Assert.Contains(sample.GetProperty("split").GetString(), new[] { "train", "val" });
            Assert.Equal("scenario-highway.json", sample.GetProperty("scenario").GetString());
            Assert.InRange(sample.GetProperty("timeS").GetDouble(), 0, 20);
            JsonElement v = sample.GetProperty("variant");
            Assert.InRange(v.GetProperty("laneCount").GetInt32(), 1, 8);
            Assert.InRange(v.GetProperty("laneWidthM").GetDouble(), 2.5, 4.5);
            Assert.True(v.GetProperty("curveRadiusM").ValueKind is JsonValueKind.Null or JsonValueKind.Number);
            Assert.InRange(v.GetProperty("brightness").GetDouble(), 0.3, 2);
            Assert.Equal(v.GetProperty("vehicleCount").GetInt32(), v.GetProperty("vehicles").GetArrayLength());
        }
    }
}
