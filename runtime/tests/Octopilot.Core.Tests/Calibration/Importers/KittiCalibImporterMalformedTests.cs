using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Configuration;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>
/// Broken KITTI calibration text is refused with file, key (as field), rule and line. Built from a synthetic object
/// calibration in the KITTI layout (made-up round numbers, not KITTI's).
/// </summary>
public class KittiCalibImporterMalformedTests
{
    private const string FileName = "000042.txt";

    private const string Valid = """
        P0: 700 0 600 0 0 700 180 0 0 0 1 0
        P1: 700 0 600 -378 0 700 180 0 0 0 1 0
        P2: 700 0 600 42 0 700 180 0 0 0 1 0
        P3: 700 0 600 -336 0 700 180 0 0 0 1 0
        R0_rect: 1 0 0 0 1 0 0 0 1
        Tr_velo_to_cam: 0 -1 0 0 0 0 -1 -0.08 1 0 0 -0.27
        Tr_imu_to_velo: 1 0 0 -0.81 0 1 0 0.32 0 0 1 -0.80

        """;

    [Fact]
    public void LoadText_Valid_FourCameras()
    {
        var rig = Load(Valid);

        Assert.Equal(4, rig.Count);
        Assert.Equal(1.65, rig[0].PositionInEgoM.Z, 9);
    }

    [Fact]
    public void LoadText_MissingVelodyneTransform_Rejected() =>
        Reject(Drop(Valid, "Tr_velo_to_cam"), "Tr_velo_to_cam", "is required");

    [Fact]
    public void LoadText_ProjectionWithElevenNumbers_RejectedWithLine()
    {
        ConfigException e = Reject(Valid.Replace("P2: 700 0 600 42 0 700", "P2: 700 0 600 42 0", StringComparison.Ordinal), "P2", "must have 12 numbers");

        Assert.Equal(3, e.Line);
        Assert.StartsWith(FileName + ":3: P2: ", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_NonNumber_Rejected() =>
        Reject(Valid.Replace("P3: 700", "P3: seven", StringComparison.Ordinal), "P3", "must be finite numbers");

    [Fact]
    public void LoadText_ZeroFocalLength_RejectedAsNonInvertible() =>
        Reject(Valid.Replace("P2: 700 0 600 42 0 700", "P2: 700 0 600 42 0 0", StringComparison.Ordinal), "P2", "K must be invertible");

    [Fact]
    public void LoadText_RectificationNotOrthonormal_Rejected() =>
        Reject(Valid.Replace("R0_rect: 1 0 0", "R0_rect: 1.1 0 0", StringComparison.Ordinal), "R0_rect", "rotation must be orthonormal");

    [Fact]
    public void LoadText_VelodyneRotationReflected_Rejected() =>
        Reject(Valid.Replace("Tr_velo_to_cam: 0 -1 0", "Tr_velo_to_cam: 0 1 0", StringComparison.Ordinal), "Tr_velo_to_cam", "rotation must be proper");

    [Fact]
    public void LoadText_VelodyneUnderTheGround_CameraBelowGroundRejected() =>
        ImporterAssert.Rejected(() => KittiObjectCalibImporter.LoadText(FileName, Valid, 1242, 375, velodyneHeightM: -0.5),
            FileName, "P0", "camera must be above the ground");

    [Fact]
    public void LoadText_KeyTwice_Rejected() =>
        Reject(Valid + "P2: 700 0 600 42 0 700 180 0 0 0 1 0\n", "P2", "must appear once");

    [Fact]
    public void LoadText_RawFileWithoutReferenceCamera_Rejected() =>
        ImporterAssert.Rejected(() => KittiRawCalibImporter.LoadText("calib_cam_to_cam.txt", "calib_time: today\n", KittiRawImages.Unrectified),
            "calib_cam_to_cam.txt", "K_00", "is required");

    private static Octopilot.Core.Calibration.CameraRig Load(string text) => KittiObjectCalibImporter.LoadText(FileName, text, 1242, 375);

    private static ConfigException Reject(string text, string field, string rule) =>
        ImporterAssert.Rejected(() => Load(text), FileName, field, rule);

    private static string Drop(string text, string key) =>
        string.Join('\n', text.Split('\n').Where(l => !l.TrimStart().StartsWith(key + ":", StringComparison.Ordinal)));
}
