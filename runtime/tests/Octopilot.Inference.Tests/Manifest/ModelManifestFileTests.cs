using Octopilot.Core.Configuration;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Tests.Manifest;

public class ModelManifestFileTests
{
    [Fact]
    public void Parse_FullManifest_ReadsEveryOption()
    {
        ModelManifest m = ModelManifestFile.Parse("m.json", ManifestJson.Full);

        Assert.Equal("images", m.Input.Name);
        Assert.Equal(TensorLayout.Nchw, m.Input.Layout);
        Assert.Equal(InputElementType.Float32, m.Input.ElementType);
        Assert.Equal(ColourOrder.Bgr, m.Input.ColourOrder);
        Assert.Equal(SpatialFit.Letterbox, m.Input.Fit);
        Assert.Equal(114, m.Input.FillValue);
        Assert.Equal(0.485 * 255, m.Input.Scaling.Offset[0], 9);
        Assert.Equal(0.225 * 255, m.Input.Scaling.Divisor[2], 9);
        Assert.Equal(["car", "truck", "pedestrian"], m.Classes);
        Assert.Equal(ModelManifest.DefaultMapStridePx, m.MapStridePx);

        var drivable = Assert.IsType<SegmentationHeadSpec>(m.Heads[0]);
        Assert.Equal((SegmentationTarget.Drivable, SegmentationActivation.Softmax, 1, TensorLayout.Nchw), (drivable.Target, drivable.Activation, drivable.Channel, drivable.Layout));
        var lanes = Assert.IsType<SegmentationHeadSpec>(m.Heads[1]);
        Assert.Equal((SegmentationTarget.Lanes, SegmentationActivation.Sigmoid), (lanes.Target, lanes.Activation));
        var yolo = Assert.IsType<YoloHeadSpec>(m.Heads[2]);
        Assert.Equal([8, 16, 32], yolo.Strides);
        Assert.Equal((156f, 198f), yolo.Anchors[2][1]);
        Assert.False(yolo.SigmoidApplied);
        Assert.Equal((0.3f, 0.5f), (yolo.ScoreThreshold, yolo.NmsIouThreshold));
        Assert.Equal(["car", "truck"], yolo.ClassFilter);
        var depth = Assert.IsType<DepthHeadSpec>(m.Heads[3]);
        Assert.Equal((DepthEncoding.Scaled, 80f), (depth.Encoding, depth.Scale));
    }

    [Fact]
    public void Parse_SolidLinesTarget_IsTheSolidLinesSlotNotAnOtherClassMap()
    {
        string json = ManifestJson.Full.Replace(
            "\"target\": \"lanes\", \"activation\": \"sigmoid\", \"channel\": 0 },",
            "\"target\": \"lanes\", \"activation\": \"sigmoid\", \"channel\": 0 },\n" +
            "    { \"type\": \"segmentation\", \"output\": \"lanes\", \"target\": \"solidLines\", \"activation\": \"sigmoid\", \"channel\": 1 },");

        ModelManifest m = ModelManifestFile.Parse("m.json", json);

        var solid = Assert.IsType<SegmentationHeadSpec>(m.Heads[2]);
        Assert.Equal((SegmentationTarget.SolidLines, "solidLines", 1), (solid.Target, solid.TargetName, solid.Channel));
    }

    [Fact]
    public void Parse_BoxListManifest_ReadsDefaultsAndOptions()
    {
        ModelManifest m = ModelManifestFile.Parse("m.json", ManifestJson.BoxList);

        Assert.Equal((TensorLayout.Nhwc, InputElementType.Uint8, ColourOrder.Rgb, SpatialFit.CentreCrop), (m.Input.Layout, m.Input.ElementType, m.Input.ColourOrder, m.Input.Fit));
        Assert.Same(InputScaling.Identity, m.Input.Scaling);
        Assert.Equal(4, m.MapStridePx);
        var boxes = Assert.IsType<BoxListHeadSpec>(Assert.Single(m.Heads));
        Assert.Equal((BoxFormat.Cxcywh, BoxUnits.Normalised, "labels"), (boxes.Format, boxes.Units, boxes.Labels));
        Assert.Equal(YoloHeadSpec.DefaultScoreThreshold, boxes.ScoreThreshold);
        Assert.Empty(boxes.ClassFilter);
    }

    [Theory]
    [InlineData("\"divide255\"", 0, 255)]
    [InlineData("\"none\"", 0, 1)]
    [InlineData("{ \"offset\": [127.5, 127.5, 127.5], \"divisor\": [127.5, 127.5, 127.5] }", 127.5, 127.5)]
    public void Parse_Scaling_BecomesOffsetAndDivisor(string scaling, double offset, double divisor)
    {
        string json = ManifestJson.Full.Replace("{ \"mean\": [0.485, 0.456, 0.406], \"std\": [0.229, 0.224, 0.225] }", scaling);

        ModelManifest m = ModelManifestFile.Parse("m.json", json);

        Assert.Equal(offset, m.Input.Scaling.Offset[1], 9);
        Assert.Equal(divisor, m.Input.Scaling.Divisor[1], 9);
        Assert.Equal((float)(-offset / divisor), m.Input.Scaling.BiasAt(1), 6);
    }

    [Theory]
    [InlineData("octopilot-model-manifest/1", "octopilot-model-manifest/2", "$.format", "must be \"octopilot-model-manifest/1\"")]
    [InlineData("\"layout\": \"nchw\"", "\"layout\": \"chw\"", "$.input.layout", "must be one of: nhwc, nchw")]
    [InlineData("\"dtype\": \"float32\"", "\"dtype\": \"int8\"", "$.input.dtype", "must be one of: uint8, float32, float16")]
    [InlineData("\"fit\": \"letterbox\"", "\"fit\": \"pad\"", "$.input.fit", "must be one of: stretch, letterbox, centreCrop")]
    [InlineData("\"fillValue\": 114", "\"fillValue\": 300", "$.input.fillValue", "must be a byte value 0..255")]
    [InlineData("\"std\": [0.229, 0.224, 0.225]", "\"std\": [0.229, 0, 0.225]", "$.input.scaling.std", "must be 3 positive numbers")]
    [InlineData("\"mean\": [0.485, 0.456, 0.406]", "\"mean\": [0.485, 0.456]", "$.input.scaling.mean", "must be an array of 3 numbers")]
    [InlineData("\"type\": \"depth\"", "\"type\": \"keypoints\"", "$.heads[3].type", "must be one of: segmentation, boxes, yolo, depth")]
    [InlineData("\"activation\": \"softmax\"", "\"activation\": \"relu\"", "$.heads[0].activation", "must be one of: probabilities, softmax, sigmoid, argmax")]
    [InlineData("\"channel\": 1", "\"channel\": -1", "$.heads[0].channel", "must be a channel index ≥ 0")]
    [InlineData("\"strides\": [8, 16, 32]", "\"strides\": [8, 32, 16]", "$.heads[2].strides[2]", "must be a stride in 1..256 px, increasing")]
    [InlineData("[116, 90, 156, 198, 373, 326]", "[116, 90, 156]", "$.heads[2].anchors[2]", "pairs of positive anchor sizes")]
    [InlineData(", [116, 90, 156, 198, 373, 326]]", "]", "$.heads[2].anchors", "must have one anchor list per stride (3)")]
    [InlineData("\"classFilter\": [\"car\", \"truck\"]", "\"classFilter\": [\"bus\"]", "$.heads[2].classFilter[0]", "must be one of the classes: car, truck, pedestrian")]
    [InlineData("\"nmsIouThreshold\": 0.5", "\"nmsIouThreshold\": 1.5", "$.heads[2].nmsIouThreshold", "must be in (0, 1]")]
    [InlineData("\"scale\": 80", "\"scale\": 0", "$.heads[3].scale", "must be metres per unit")]
    [InlineData("\"encoding\": \"scaled\", \"scale\": 80", "\"encoding\": \"metric\", \"scale\": 80", "$.heads[3].scale", "only allowed there")]
    [InlineData("\"classes\": [\"car\", \"truck\", \"pedestrian\"],", "\"classes\": [\"car\", \"car\"],", "$.classes[1]", "unique in the list")]
    [InlineData("\"target\": \"lanes\"", "\"target\": \"drivable\"", "$.heads[1]", "a second segmentation head for \"drivable\"")]
    [InlineData("\"fit\": \"letterbox\", \"fillValue\": 114", "\"fit\": \"stretch\", \"fillValue\": 114", "$.input.fillValue", "only used with \"fit\": \"letterbox\"")]
    [InlineData("\"colourOrder\": \"bgr\",", "\"colourOrder\": \"bgr\", \"widthPx\": 640,", "$.input", "widthPx and heightPx go together")]
    [InlineData("\"heads\": [", "\"head\": 1, \"heads\": [", "$.head", "is not a known key")]
    public void Parse_BrokenRule_IsRefusedNamingFieldAndRule(string from, string to, string field, string rule)
    {
        string json = ManifestJson.Full.Replace(from, to);
        Assert.NotEqual(ManifestJson.Full, json);

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestFile.Parse("bad.json", json));

        Assert.StartsWith("bad.json", e.Message);
        Assert.Contains(field, e.Message);
        Assert.Contains(rule, e.Message);
    }

    [Fact]
    public void Parse_Uint8InputWithScaling_IsRefused()
    {
        string json = ManifestJson.BoxList.Replace("\"dtype\": \"uint8\",", "\"dtype\": \"uint8\", \"scaling\": \"divide255\",");

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestFile.Parse("bad.json", json));

        Assert.Contains("$.input.scaling: must be \"none\" for a uint8 input", e.Message);
    }

    [Fact]
    public void Parse_DetectionHeadWithoutClasses_IsRefused()
    {
        string json = ManifestJson.BoxList.Replace("\"classes\": [\"car\", \"person\"],", string.Empty);

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestFile.Parse("bad.json", json));

        Assert.Contains("$.heads[0]: a detection head needs the top-level \"classes\" list", e.Message);
    }

    [Fact]
    public void Parse_BoxListWithoutLabelsAndSeveralClasses_IsRefused()
    {
        string json = ManifestJson.BoxList.Replace("\"labels\": \"labels\", ", string.Empty);

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestFile.Parse("bad.json", json));

        Assert.Contains("$.heads[0].labels: is required with 2 classes", e.Message);
    }

    [Fact]
    public void Parse_TwoDetectionHeads_IsRefused()
    {
        string json = ManifestJson.Full.Replace("{ \"type\": \"depth\"", "{ \"type\": \"boxes\", \"boxes\": \"b\", \"scores\": \"s\", \"labels\": \"l\", \"format\": \"xyxy\", \"units\": \"pixels\" }, { \"type\": \"depth\"");

        ConfigException e = Assert.Throws<ConfigException>(() => ModelManifestFile.Parse("bad.json", json));

        Assert.Contains("$.heads[3]: is a second detection head", e.Message);
    }
}
