using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>Per-camera rules that are not about lens or rotation: mounting height, name shape, unique names.</summary>
public class RigFileCameraValidationTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.4)]
    [InlineData(0.049)]
    public void LoadText_CameraBelowGround_Rejected(double zM)
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 0)["translationM"]![2] = zM;

        RigAssert.Rejected(json, "$.cameras[0].extrinsics.translationM", "camera must be above the ground");
    }

    [Fact]
    public void LoadText_DuplicateName_RejectedNamingTheFirstUse()
    {
        var json = RigJson.Valid();
        RigJson.Camera(json, 1)["name"] = "front";

        var e = RigAssert.Rejected(json, "$.cameras[1].name", "must be unique in the rig");

        Assert.Contains("$.cameras[0]", e.Rule, StringComparison.Ordinal);
        Assert.Equal("\"front\"", e.Actual);
    }

    [Theory]
    [InlineData("")]
    [InlineData("front camera")]
    [InlineData("front/left")]
    [InlineData("kamera_ä")]
    public void LoadText_BadName_Rejected(string name)
    {
        var json = RigJson.Valid();
        RigJson.Camera(json, 0)["name"] = name;

        RigAssert.Rejected(json, "$.cameras[0].name", "must be a non-empty name of letters, digits");
    }

    [Fact]
    public void LoadText_NameNotString_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Camera(json, 0)["name"] = 7;

        RigAssert.Rejected(json, "$.cameras[0].name", "must be a string");
    }
}
