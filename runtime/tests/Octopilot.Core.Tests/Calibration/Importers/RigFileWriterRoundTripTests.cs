using Octopilot.Testing;
using Octopilot.Core.Calibration;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// An imported rig written as our rig JSON and loaded back by <see cref="RigFile.Load"/> is the same rig, double for
/// double: that file is what <c>octopilot</c> is given, so nothing may drift on the way.
/// </summary>
public sealed class RigFileWriterRoundTripTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("octopilot-rig-writer-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Write_SyntheticRigWithDistortion_LoadsBackIdentical() =>
        AssertRoundTrip(RigFile.LoadText(RigJson.FileName, RigJson.Valid().ToJsonString()));

    [Fact]
    public void Write_ShippedDefaultRig_LoadsBackIdentical() => AssertRoundTrip(DefaultRig.Load());

    [Fact]
    public void Write_ImportedNuScenesRig_LoadsBackIdentical() =>
        AssertRoundTrip(NuScenesRigImporter.Load(NuScenesSample.InfoPath));

    [Fact]
    public void Write_ImportedArgoverseRig_LoadsBackIdentical() =>
        AssertRoundTrip(ArgoverseRigImporter.Load(SharedData.File("argoverse-calib", "vehicle_calibration_info.json")));

    [Fact]
    public void Write_ImportedKittiRigs_LoadBackIdentical()
    {
        AssertRoundTrip(KittiFrame.Load("000001").Rig);
        AssertRoundTrip(KittiRawCalibImporter.Load(SharedData.File("kitti-raw-calib", "calib_cam_to_cam_2011_09_26.txt"), KittiRawImages.Unrectified));
    }

    [Fact]
    public void Write_Description_IsInTheFile()
    {
        string path = Path.Combine(_directory, "described.json");

        RigFileWriter.Write(DefaultRig.Load(), path, "imported from somewhere");

        Assert.Contains("\"description\": \"imported from somewhere\"", File.ReadAllText(path), StringComparison.Ordinal);
    }

    private void AssertRoundTrip(CameraRig rig)
    {
        string path = Path.Combine(_directory, rig.Name + ".json");

        RigFileWriter.Write(rig, path);
        CameraRig back = RigFile.Load(path);

        Assert.Equal(rig.Name, back.Name);
        Assert.Equal(rig.Count, back.Count);
        for (int i = 0; i < rig.Count; i++)
        {
            // Record-struct equality compares every double exactly.
            Assert.Equal(rig[i].Name, back[i].Name);
            Assert.Equal(rig[i].Intrinsics, back[i].Intrinsics);
            Assert.Equal(rig[i].CameraToEgo, back[i].CameraToEgo);
        }
    }
}
