using System.Text.Json.Nodes;
using Octopilot.Core.Calibration.Importers;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration.Importers;

/// <summary>Broken Argoverse calibrations are refused with file, field and rule; built from a synthetic two-camera file.</summary>
public class ArgoverseRigImporterMalformedTests
{
    private const string FileName = "vehicle_calibration_info.json";

    [Fact]
    public void LoadText_Valid_LoadsInCanonicalOrder() =>
        Assert.Equal(["ring_front_center", "ring_rear_left"], ArgoverseRigImporter.LoadText(FileName, Valid().ToJsonString()).Cameras.Select(c => c.Name));

    [Fact]
    public void LoadText_MissingFocalLength_Rejected()
    {
        var json = Valid();
        Value(json, 0).Remove("focal_length_y_px_");

        Reject(json, "$.camera_data_[0].value.focal_length_y_px_", "is required");
    }

    [Fact]
    public void LoadText_ZeroFocalLength_RejectedAsNonInvertible()
    {
        var json = Valid();
        Value(json, 1)["focal_length_x_px_"] = 0.0;

        Reject(json, "$.camera_data_[1].value.focal_length_x_px_", "K must be invertible");
    }

    [Fact]
    public void LoadText_Skew_Rejected()
    {
        var json = Valid();
        Value(json, 0)["skew_"] = 1.5;

        Reject(json, "$.camera_data_[0].value.skew_", "no skew term");
    }

    [Fact]
    public void LoadText_FourDistortionCoefficients_Rejected()
    {
        var json = Valid();
        Value(json, 0)["distortion_coefficients_"] = JsonNode.Parse("[-0.17, 0.12, -0.03, 0.0]");

        Reject(json, "$.camera_data_[0].value.distortion_coefficients_", "must be an array of 3 numbers");
    }

    [Fact]
    public void LoadText_QuaternionNotUnit_Rejected()
    {
        var json = Valid();
        Value(json, 0)["vehicle_SE3_camera_"]!["rotation"]!["coefficients"] = JsonNode.Parse("[0.5, -0.5, 0.5, -0.6]");

        Reject(json, "$.camera_data_[0].value.vehicle_SE3_camera_.rotation.coefficients", "quaternion must have unit length");
    }

    [Fact]
    public void LoadText_CameraBelowGround_Rejected()
    {
        var json = Valid();
        Value(json, 1)["vehicle_SE3_camera_"]!["translation"] = JsonNode.Parse("[1.1, 0.25, 0.0]");

        Reject(json, "$.camera_data_[1].value.vehicle_SE3_camera_.translation", "camera must be above the ground");
    }

    [Fact]
    public void LoadText_DuplicateCamera_Rejected()
    {
        var json = Valid();
        json["camera_data_"]![1]!["key"] = "image_raw_ring_rear_left";

        Reject(json, "$.camera_data_[1].key", "must be unique in the rig");
    }

    [Fact]
    public void LoadText_UnknownCameraKind_Rejected()
    {
        var json = Valid();
        json["camera_data_"]![0]!["key"] = "image_raw_fisheye_front";

        Reject(json, "$.camera_data_[0].key", "must name a ring or stereo camera");
    }

    private static void Reject(JsonObject json, string field, string rule) =>
        ImporterAssert.Rejected(() => ArgoverseRigImporter.LoadText(FileName, json.ToJsonString()), FileName, field, rule);

    private static JsonObject Value(JsonObject json, int index) => json["camera_data_"]![index]!["value"]!.AsObject();

    /// <summary>Two ring cameras in the Argoverse layout with made-up numbers, listed rear first.</summary>
    private static JsonObject Valid() => JsonNode.Parse("""
        {
          "camera_data_": [
            { "key": "image_raw_ring_rear_left",
              "value": { "distortion_coefficients_": [-0.17, 0.12, -0.03], "focal_center_x_px_": 960.0, "focal_center_y_px_": 600.0,
                         "focal_length_x_px_": 1400.0, "focal_length_y_px_": 1400.0, "skew_": 0.0,
                         "vehicle_SE3_camera_": { "rotation": { "coefficients": [0.5, -0.5, -0.5, 0.5] }, "translation": [1.1, 0.25, 1.37] } } },
            { "key": "image_raw_ring_front_center",
              "value": { "distortion_coefficients_": [-0.17, 0.12, -0.03], "focal_center_x_px_": 960.0, "focal_center_y_px_": 600.0,
                         "focal_length_x_px_": 1400.0, "focal_length_y_px_": 1400.0, "skew_": 0.0,
                         "vehicle_SE3_camera_": { "rotation": { "coefficients": [0.5, -0.5, 0.5, -0.5] }, "translation": [1.6, 0.0, 1.37] } } }
          ]
        }
        """)!.AsObject();
}
