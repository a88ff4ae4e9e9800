namespace Octopilot.Inference.Tests.Manifest;

/// <summary>Manifest texts for the tests: a valid one of each head type, edited per test with a string replace.</summary>
internal static class ManifestJson
{
    public const string Full = """
        {
          "format": "octopilot-model-manifest/1",
          "input": { "name": "images", "layout": "nchw", "dtype": "float32", "colourOrder": "bgr",
                     "scaling": { "mean": [0.485, 0.456, 0.406], "std": [0.229, 0.224, 0.225] },
                     "fit": "letterbox", "fillValue": 114 },
          "classes": ["car", "truck", "pedestrian"],
          "heads": [
            { "type": "segmentation", "output": "seg", "target": "drivable", "activation": "softmax", "channel": 1 },
            { "type": "segmentation", "output": "lanes", "target": "lanes", "activation": "sigmoid", "channel": 0 },
            { "type": "yolo", "output": "pred", "strides": [8, 16, 32],
              "anchors": [[10, 13, 16, 30, 33, 23], [30, 61, 62, 45, 59, 119], [116, 90, 156, 198, 373, 326]],
              "scoreThreshold": 0.3, "nmsIouThreshold": 0.5, "classFilter": ["car", "truck"] },
            { "type": "depth", "output": "depth", "encoding": "scaled", "scale": 80 }
          ]
        }
        """;

    public const string BoxList = """
        {
          "format": "octopilot-model-manifest/1",
          "input": { "name": "x", "layout": "nhwc", "dtype": "uint8", "fit": "centreCrop" },
          "classes": ["car", "person"],
          "mapStridePx": 4,
          "heads": [ { "type": "boxes", "boxes": "boxes", "scores": "scores", "labels": "labels", "format": "cxcywh", "units": "normalised" } ]
        }
        """;
}
