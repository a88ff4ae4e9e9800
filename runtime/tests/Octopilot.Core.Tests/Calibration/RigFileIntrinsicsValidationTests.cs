using System.Text.Json.Nodes;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>Intrinsics must make an invertible camera whose principal point is on the sensor.</summary>
public class RigFileIntrinsicsValidationTests
{
    [Theory]
    [InlineData("fxPx", 0.0)]
    [InlineData("fxPx", -500.0)]
    [InlineData("fyPx", 0.0)]
    public void LoadText_NonPositiveFocalLength_Rejected(string key, double value)
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 0)[key] = value;

        RigAssert.Rejected(json, "$.cameras[0].intrinsics." + key, "focal length must be > 0 px");
    }

    [Theory]
    [InlineData("cxPx", -0.5)]
    [InlineData("cxPx", 640.0)]
    [InlineData("cyPx", 480.0)]
    [InlineData("cyPx", -1.0)]
    public void LoadText_PrincipalPointOutsideImage_Rejected(string key, double value)
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 0)[key] = value;

        RigAssert.Rejected(json, "$.cameras[0].intrinsics." + key, "principal point must lie inside the image");
    }

    [Theory]
    [InlineData("cxPx", 0.0)]
    [InlineData("cxPx", 639.0)]
    [InlineData("cyPx", 479.0)]
    public void LoadText_PrincipalPointOnEdgePixelCentre_Accepted(string key, double value)
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 0)[key] = value;

        Assert.Equal(2, Octopilot.Core.Calibration.RigFile.LoadText(RigJson.FileName, json.ToJsonString()).Count);
    }

    [Fact]
    public void LoadText_DistortionThatFoldsOver_Rejected()
    {
        // r·(1 + k1·r²) with k1 = −0.5 peaks at r = 0.82, well inside this 300 px lens's image (corner r ≈ 1.33).
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 1)["distortion"] = new JsonArray(-0.5, 0.0, 0.0, 0.0, 0.0);

        RigAssert.Rejected(json, "$.cameras[1].intrinsics.distortion", "cannot be inverted");
    }

    [Fact]
    public void LoadText_DistortionWithFourCoefficients_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 1)["distortion"] = new JsonArray(-0.05, 0.002, 0.0, 0.0);

        RigAssert.Rejected(json, "$.cameras[1].intrinsics.distortion", "must be an array of 5 numbers");
    }
}
