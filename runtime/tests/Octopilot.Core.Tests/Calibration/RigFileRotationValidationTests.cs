using System.Text.Json.Nodes;
using Octopilot.Core.Calibration;
using Octopilot.Core.Geometry;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>The rotation is given exactly once and is a proper rotation, whichever of the three forms is used.</summary>
public class RigFileRotationValidationTests
{
    private const string Extrinsics = "$.cameras[1].extrinsics";

    [Fact]
    public void LoadText_MatrixNotOrthonormal_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 1)["rotationMatrix"] = Matrix([0, 1.01, 0], [1, 0, 0], [0, 0, -1]);

        var e = RigAssert.Rejected(json, Extrinsics + ".rotationMatrix", "rotation must be orthonormal");

        Assert.Equal("0.0201", e.Actual);
    }

    [Fact]
    public void LoadText_MatrixWithinPrintPrecision_Accepted()
    {
        // Six printed decimals of a 30° yaw: orthonormal to ~1e-6, which the loader must accept.
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 1)["rotationMatrix"] = Matrix([0.866025, -0.5, 0], [0.5, 0.866025, 0], [0, 0, 1]);

        CameraRig rig = RigFile.LoadText(RigJson.FileName, json.ToJsonString());

        Assert.Equal(0.866025, rig[1].CameraToEgo.Rotation.M00);
    }

    [Fact]
    public void LoadText_Reflection_Rejected()
    {
        // The valid matrix with its last column negated: still orthonormal, but det = −1 (a flipped axis).
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 1)["rotationMatrix"] = Matrix([0, 1, 0], [1, 0, 0], [0, 0, 1]);

        var e = RigAssert.Rejected(json, Extrinsics + ".rotationMatrix", "det = +1");

        Assert.Equal("-1", e.Actual);
    }

    [Fact]
    public void LoadText_MatrixWithTwoRows_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 1)["rotationMatrix"] = new JsonArray(new JsonArray(1, 0, 0), new JsonArray(0, 1, 0));

        RigAssert.Rejected(json, Extrinsics + ".rotationMatrix", "must be 3 rows of 3 numbers");
    }

    [Fact]
    public void LoadText_NonUnitQuaternion_Rejected()
    {
        var json = RigJson.Valid();
        JsonObject extrinsics = RigJson.Extrinsics(json, 1);
        extrinsics.Remove("rotationMatrix");
        extrinsics["quaternionWxyz"] = new JsonArray(1.0, 0.1, 0.0, 0.0);

        var e = RigAssert.Rejected(json, Extrinsics + ".quaternionWxyz", "quaternion must have unit length");

        Assert.Equal("1.00499", e.Actual);
    }

    [Fact]
    public void LoadText_QuaternionJustInsideTolerance_GivesOrthonormalRotation()
    {
        // |q| = 1 + 9e-6 passes the 1e-5 tolerance; used as is it gives |R·Rᵀ − I| ≈ 7e-5, worse than a matrix may be.
        var json = RigJson.Valid();
        JsonObject extrinsics = RigJson.Extrinsics(json, 1);
        extrinsics.Remove("rotationMatrix");
        extrinsics["quaternionWxyz"] = new JsonArray(0.0, Math.Sqrt(0.5) * 1.000009, Math.Sqrt(0.5) * 1.000009, 0.0);

        Mat3 rotation = RigFile.LoadText(RigJson.FileName, json.ToJsonString())[1].CameraToEgo.Rotation;

        Assert.True(rotation.OrthonormalityError() < 1e-12, $"orthonormality error {rotation.OrthonormalityError():G3}");
    }

    [Fact]
    public void LoadText_TwoRotations_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 1)["yawPitchRollDeg"] = new JsonArray(0, 0, 0);

        var e = RigAssert.Rejected(json, Extrinsics, "must give the rotation exactly once");

        Assert.Equal("yawPitchRollDeg + rotationMatrix", e.Actual);
    }

    [Fact]
    public void LoadText_NoRotation_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 1).Remove("rotationMatrix");

        var e = RigAssert.Rejected(json, Extrinsics, "must give the rotation exactly once");

        Assert.Equal("none", e.Actual);
    }

    [Fact]
    public void LoadText_PitchBeyondNinetyDegrees_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 0)["yawPitchRollDeg"] = new JsonArray(0, 95, 0);

        RigAssert.Rejected(json, "$.cameras[0].extrinsics.yawPitchRollDeg", "pitch within ±90°");
    }

    private static JsonArray Matrix(double[] row0, double[] row1, double[] row2) =>
        new(Row(row0), Row(row1), Row(row2));

    private static JsonArray Row(double[] row) => new(row.Select(v => (JsonNode?)JsonValue.Create(v)).ToArray());
}
