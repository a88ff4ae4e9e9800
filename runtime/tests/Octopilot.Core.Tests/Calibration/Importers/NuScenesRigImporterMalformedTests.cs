using System.Text.Json.Nodes;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>Broken nuScenes calibrations are refused with file, field and rule; built from a synthetic two-camera file.</summary>
public class NuScenesRigImporterMalformedTests
{
    private const string FileName = "sample_info.json";

    [Fact]
    public void LoadText_Valid_LoadsBothCameras() =>
        Assert.Equal(2, NuScenesRigImporter.LoadText(FileName, Valid().ToJsonString()).Count);

    [Fact]
    public void LoadText_MissingTranslation_Rejected()
    {
        var json = Valid();
        Camera(json, "CAM_BACK").Remove("cam2ego_translation");

        Reject(json, "$.cameras.CAM_BACK.cam2ego_translation", "is required");
    }

    [Fact]
    public void LoadText_IntrinsicMatrixWithTwoRows_Rejected()
    {
        var json = Valid();
        Camera(json, "CAM_FRONT")["cam2img"] = JsonNode.Parse("[[1000, 0, 800], [0, 1000, 450]]");

        Reject(json, "$.cameras.CAM_FRONT.cam2img", "must be 3 rows of 3 numbers");
    }

    [Fact]
    public void LoadText_ZeroFocalLength_RejectedAsNonInvertible()
    {
        var json = Valid();
        Camera(json, "CAM_FRONT")["cam2img"] = JsonNode.Parse("[[0, 0, 800], [0, 1000, 450], [0, 0, 1]]");

        Reject(json, "$.cameras.CAM_FRONT.cam2img", "K must be invertible");
    }

    [Fact]
    public void LoadText_Skew_Rejected()
    {
        var json = Valid();
        Camera(json, "CAM_FRONT")["cam2img"] = JsonNode.Parse("[[1000, 3, 800], [0, 1000, 450], [0, 0, 1]]");

        Reject(json, "$.cameras.CAM_FRONT.cam2img", "no skew term");
    }

    [Fact]
    public void LoadText_QuaternionNotUnit_RejectedAsNonOrthonormal()
    {
        var json = Valid();
        Camera(json, "CAM_FRONT")["cam2ego_rotation_wxyz"] = JsonNode.Parse("[0.6, -0.5, 0.5, -0.5]");

        Reject(json, "$.cameras.CAM_FRONT.cam2ego_rotation_wxyz", "quaternion must have unit length");
    }

    [Fact]
    public void LoadText_CameraBelowGround_Rejected()
    {
        var json = Valid();
        Camera(json, "CAM_BACK")["cam2ego_translation"] = JsonNode.Parse("[0.0, 0.0, -1.5]");

        Reject(json, "$.cameras.CAM_BACK.cam2ego_translation", "camera must be above the ground");
    }

    [Fact]
    public void LoadText_DuplicateCameraName_Rejected()
    {
        // A JSON object with the same key twice: System.Text.Json keeps both, the importer must not.
        string text = Valid().ToJsonString().Replace("\"CAM_BACK\"", "\"CAM_FRONT\"", StringComparison.Ordinal);

        ImporterAssert.Rejected(() => NuScenesRigImporter.LoadText(FileName, text), FileName, "$.cameras.CAM_FRONT", "must be unique in the rig");
    }

    [Fact]
    public void LoadText_NoCameras_Rejected()
    {
        var json = Valid();
        json.Remove("cameras");

        Reject(json, "$.cameras", "is required");
    }

    private static void Reject(JsonObject json, string field, string rule) =>
        ImporterAssert.Rejected(() => NuScenesRigImporter.LoadText(FileName, json.ToJsonString()), FileName, field, rule);

    private static JsonObject Camera(JsonObject json, string name) => json["cameras"]![name]!.AsObject();

    /// <summary>Two cameras in the sample's shape with made-up numbers: one forward, one backward.</summary>
    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "sample_token": "synthetic",
          "cameras": {
            "CAM_FRONT": {
              "cam2img": [[1000.0, 0.0, 800.0], [0.0, 1000.0, 450.0], [0.0, 0.0, 1.0]],
              "image_size_wh": [1600, 900],
              "cam2ego_translation": [1.7, 0.0, 1.5],
              "cam2ego_rotation_wxyz": [0.5, -0.5, 0.5, -0.5]
            },
            "CAM_BACK": {
              "cam2img": [[800.0, 0.0, 800.0], [0.0, 800.0, 450.0], [0.0, 0.0, 1.0]],
              "image_size_wh": [1600, 900],
              "cam2ego_translation": [0.0, 0.0, 1.5],
              "cam2ego_rotation_wxyz": [0.5, -0.5, -0.5, 0.5]
            }
          }
        }
        """)!.AsObject();
}
