using System.Text.Json.Nodes;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>A misspelt key must never be silently ignored, at any level of the file.</summary>
public class RigFileUnknownKeyTests
{
    private const string Rule = "is not a known key";

    [Fact]
    public void LoadText_UnknownKeyAtRoot_Rejected()
    {
        var json = RigJson.Valid();
        json["camera"] = new JsonArray();

        RigAssert.Rejected(json, "$.camera", Rule);
    }

    [Fact]
    public void LoadText_UnknownKeyInCamera_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Camera(json, 1)["intrinsic"] = new JsonObject();

        RigAssert.Rejected(json, "$.cameras[1].intrinsic", Rule);
    }

    [Fact]
    public void LoadText_UnknownKeyInIntrinsics_RejectedListingAllowedKeys()
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 0)["fx"] = 500;

        var e = RigAssert.Rejected(json, "$.cameras[0].intrinsics.fx", Rule);

        Assert.Contains("fxPx", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadText_UnknownKeyInExtrinsics_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 0)["translation"] = new JsonArray(1, 0, 1);

        RigAssert.Rejected(json, "$.cameras[0].extrinsics.translation", Rule);
    }
}
