using System.Text.Json.Nodes;

namespace Octopilot.Core.Tests.Infrastructure;

/// <summary>
/// A small valid rig as a mutable JSON tree: each validation test breaks exactly one thing and checks that
/// exactly that thing is reported. Camera 0 uses yaw/pitch/roll; camera 1 a rotation matrix (looking straight down: cam x→ego y, cam y→ego x, cam z→ego −z) and distortion.
/// </summary>
internal static class RigJson
{
    /// <summary>File name the loader puts in its messages; tests assert it comes back.</summary>
    public const string FileName = "test-rig.json";

    public static JsonObject Valid() => JsonNode.Parse("""
        {
          "name": "test-rig",
          "description": "two cameras",
          "cameras": [
            {
              "name": "front",
              "description": "forward, pitched down 10 deg",
              "intrinsics": { "widthPx": 640, "heightPx": 480, "fxPx": 500, "fyPx": 500, "cxPx": 319.5, "cyPx": 239.5 },
              "extrinsics": { "translationM": [1.5, 0.0, 1.4], "yawPitchRollDeg": [0, 10, 0] }
            },
            {
              "name": "down-wide",
              "description": "wide lens looking straight down",
              "intrinsics": { "widthPx": 640, "heightPx": 480, "fxPx": 300, "fyPx": 300, "cxPx": 320, "cyPx": 240,
                              "distortion": [-0.05, 0.002, 0.0, 0.0, 0.0] },
              "extrinsics": { "translationM": [-1.0, 0.0, 1.0],
                              "rotationMatrix": [[0, 1, 0], [1, 0, 0], [0, 0, -1]] }
            }
          ]
        }
        """)!.AsObject();

    public static JsonObject Camera(JsonObject rig, int index) => rig["cameras"]![index]!.AsObject();

    public static JsonObject Intrinsics(JsonObject rig, int index) => Camera(rig, index)["intrinsics"]!.AsObject();

    public static JsonObject Extrinsics(JsonObject rig, int index) => Camera(rig, index)["extrinsics"]!.AsObject();
}
