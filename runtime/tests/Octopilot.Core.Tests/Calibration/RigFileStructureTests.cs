using System.Text.Json.Nodes;
using Octopilot.Core.Tests.Infrastructure;

namespace Octopilot.Core.Tests.Calibration;

/// <summary>Shape of the file: camera list present and non-empty, required fields present, values of the right kind.</summary>
public class RigFileStructureTests
{
    [Fact]
    public void LoadText_NoCameraList_Rejected()
    {
        var json = RigJson.Valid();
        json.Remove("cameras");

        RigAssert.Rejected(json, "$.cameras", "is required");
    }

    [Fact]
    public void LoadText_EmptyCameraList_Rejected()
    {
        var json = RigJson.Valid();
        json["cameras"] = new JsonArray();

        var e = RigAssert.Rejected(json, "$.cameras", "must list 1..16 cameras");

        Assert.Equal("0", e.Actual);
    }

    [Fact]
    public void LoadText_CameraListNotArray_Rejected()
    {
        var json = RigJson.Valid();
        json["cameras"] = new JsonObject();

        RigAssert.Rejected(json, "$.cameras", "must be a JSON array");
    }

    [Fact]
    public void LoadText_SeventeenCameras_Rejected()
    {
        var json = RigJson.Valid();
        var cameras = new JsonArray();
        for (int i = 0; i < 17; i++)
        {
            JsonNode camera = RigJson.Camera(json, 0).DeepClone();
            camera["name"] = $"cam{i}";
            cameras.Add(camera);
        }

        json["cameras"] = cameras;

        RigAssert.Rejected(json, "$.cameras", "must list 1..16 cameras");
    }

    [Theory]
    [InlineData("name", "$.cameras[1].name")]
    [InlineData("intrinsics", "$.cameras[1].intrinsics")]
    [InlineData("extrinsics", "$.cameras[1].extrinsics")]
    public void LoadText_MissingCameraField_Rejected(string key, string expectedPath)
    {
        var json = RigJson.Valid();
        RigJson.Camera(json, 1).Remove(key);

        RigAssert.Rejected(json, expectedPath, "is required");
    }

    [Theory]
    [InlineData("widthPx")]
    [InlineData("heightPx")]
    [InlineData("fxPx")]
    [InlineData("fyPx")]
    [InlineData("cxPx")]
    [InlineData("cyPx")]
    public void LoadText_MissingIntrinsicsField_Rejected(string key)
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 0).Remove(key);

        RigAssert.Rejected(json, "$.cameras[0].intrinsics." + key, "is required");
    }

    [Fact]
    public void LoadText_MissingTranslation_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 0).Remove("translationM");

        RigAssert.Rejected(json, "$.cameras[0].extrinsics.translationM", "is required");
    }

    [Fact]
    public void LoadText_NumberGivenAsString_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 1)["fxPx"] = "300";

        var e = RigAssert.Rejected(json, "$.cameras[1].intrinsics.fxPx", "must be a finite number");

        Assert.Equal("\"300\"", e.Actual);
    }

    [Fact]
    public void LoadText_TranslationElementNotNumber_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 0)["translationM"] = new JsonArray(1.5, null, 1.4);

        RigAssert.Rejected(json, "$.cameras[0].extrinsics.translationM[1]", "must be a finite number");
    }

    [Fact]
    public void LoadText_TranslationWithTwoNumbers_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Extrinsics(json, 0)["translationM"] = new JsonArray(1.5, 1.4);

        RigAssert.Rejected(json, "$.cameras[0].extrinsics.translationM", "must be an array of 3 numbers");
    }

    [Fact]
    public void LoadText_FractionalWidth_Rejected()
    {
        var json = RigJson.Valid();
        RigJson.Intrinsics(json, 0)["widthPx"] = 640.5;

        RigAssert.Rejected(json, "$.cameras[0].intrinsics.widthPx", "whole number of pixels");
    }

    [Fact]
    public void LoadText_RootIsArray_Rejected()
    {
        RigAssert.Rejected("[]", "$", "must be a JSON object");
    }
}
