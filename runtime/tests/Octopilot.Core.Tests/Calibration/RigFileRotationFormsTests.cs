using System.Text.Json.Nodes;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>The three ways to write a rotation in the rig file mean the same rotation when they describe the same mounting.</summary>
public class RigFileRotationFormsTests
{
    [Fact]
    public void LoadText_UnitQuaternion_GivesTheSameRotationAsTheMatrix()
    {
        // The valid matrix [[0,1,0],[1,0,0],[0,0,−1]] is a 180° turn about (1,1,0)/√2: q = (0, 1/√2, 1/√2, 0).
        var json = RigJson.Valid();
        JsonObject extrinsics = RigJson.Extrinsics(json, 1);
        Mat3 fromMatrix = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[1].CameraToEgo.Rotation;
        extrinsics.Remove("rotationMatrix");
        extrinsics["quaternionWxyz"] = new JsonArray(0.0, Math.Sqrt(0.5), Math.Sqrt(0.5), 0.0);

        Mat3 fromQuaternion = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[1].CameraToEgo.Rotation;

        GeometryAssert.Equal(fromMatrix, fromQuaternion, 1e-12);
    }

    [Fact]
    public void LoadText_RearCameraQuaternionFromReadme_EqualsYawPitchRollForm()
    {
        // The README example: rear camera, yaw 180°, pitch 12° down, written as a quaternion (six decimals).
        var json = RigJson.Valid();
        JsonObject extrinsics = RigJson.Extrinsics(json, 0);
        extrinsics["yawPitchRollDeg"] = new JsonArray(180.0, 12.0, 0.0);
        Mat3 fromAngles = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[0].CameraToEgo.Rotation;
        extrinsics.Remove("yawPitchRollDeg");
        extrinsics["quaternionWxyz"] = new JsonArray(0.444997, -0.549525, -0.549525, 0.444997);

        Mat3 fromQuaternion = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[0].CameraToEgo.Rotation;

        GeometryAssert.Equal(fromAngles, fromQuaternion, 2e-6);
    }

    [Fact]
    public void LoadText_YawPitchRollAndEquivalentMatrix_GiveSameRotation()
    {
        // Yaw 90° at zero pitch and roll, by hand: cam x (right) → ego +x (facing left, right is forward), cam y (down) → ego −z, cam z → ego +y.
        var json = RigJson.Valid();
        JsonObject extrinsics = RigJson.Extrinsics(json, 0);
        extrinsics["yawPitchRollDeg"] = new JsonArray(90.0, 0.0, 0.0);
        Mat3 fromAngles = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[0].CameraToEgo.Rotation;
        extrinsics.Remove("yawPitchRollDeg");
        extrinsics["rotationMatrix"] = new JsonArray(new JsonArray(1, 0, 0), new JsonArray(0, 0, 1), new JsonArray(0, -1, 0));

        Mat3 fromMatrix = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[0].CameraToEgo.Rotation;

        GeometryAssert.Equal(fromMatrix, fromAngles, 1e-15);
    }
}
