using System.Globalization;
using Octopilot.Core.Configuration;

namespace Octopilot.Inference.Manifest;

public static partial class ModelManifestFile
{
    private static readonly string[] HeadTypes = ["segmentation", "boxes", "yolo", "depth"];

    private static IReadOnlyList<HeadSpec> ReadHeads(JsonConfigNode node, IReadOnlyList<string> classes)
    {
        var heads = new List<HeadSpec>();
        foreach (JsonConfigNode head in node.Items())
        {
            string type = head.String("type");
            HeadSpec spec = type switch
            {
                "segmentation" => ReadSegmentation(head),
                "boxes" => ReadBoxList(head, classes),
                "yolo" => ReadYolo(head, classes),
                "depth" => ReadDepth(head),
                _ => throw head.FieldError("type", $"must be one of: {string.Join(", ", HeadTypes)}", $"\"{type}\""),
            };
            RefuseDuplicate(head, spec, heads);
            heads.Add(spec);
        }

        return heads.Count > 0 ? heads : throw node.Error("must list at least one head", "[]");
    }

    /// <summary>One head per runtime slot: lanes, drivable, solid lines, detections, depth (named class maps may repeat by name only).</summary>
    private static void RefuseDuplicate(JsonConfigNode head, HeadSpec spec, List<HeadSpec> earlier)
    {
        string? clash = spec switch
        {
            SegmentationHeadSpec s => earlier.OfType<SegmentationHeadSpec>().Any(e => e.TargetName == s.TargetName) ? $"a second segmentation head for \"{s.TargetName}\"" : null,
            BoxListHeadSpec or YoloHeadSpec => earlier.Any(e => e is BoxListHeadSpec or YoloHeadSpec) ? "a second detection head (boxes or yolo)" : null,
            DepthHeadSpec => earlier.OfType<DepthHeadSpec>().Any() ? "a second depth head" : null,
            _ => null,
        };
        if (clash is not null)
        {
            throw head.Error($"is {clash}: the runtime has one slot for it");
        }
    }

    private static SegmentationHeadSpec ReadSegmentation(JsonConfigNode head)
    {
        head.RejectUnknownKeys("type", "output", "target", "activation", "channel", "layout");
        string target = head.String("target");
        SegmentationTarget kind = target switch
        {
            "lanes" => SegmentationTarget.Lanes,
            "drivable" => SegmentationTarget.Drivable,
            "solidLines" => SegmentationTarget.SolidLines,
            "" => throw head.FieldError("target", "must be \"lanes\", \"drivable\", \"solidLines\" or another class-map name", "\"\""),
            _ => SegmentationTarget.Other,
        };
        SegmentationActivation activation = EnumValue<SegmentationActivation>(head.Child("activation"));
        int channel = Integer(head, "channel", 0, c => c >= 0, "must be a channel index ≥ 0");
        TensorLayout layout = EnumValue(head.OptionalChild("layout"), TensorLayout.Nchw);
        return new SegmentationHeadSpec(OutputName(head, "output"), kind, target, activation, channel, layout);
    }

    private static BoxListHeadSpec ReadBoxList(JsonConfigNode head, IReadOnlyList<string> classes)
    {
        head.RejectUnknownKeys("type", "boxes", "scores", "labels", "format", "units", "scoreThreshold", "classFilter");
        RequireClasses(head, classes);
        string? labels = head.Has("labels") ? OutputName(head, "labels") : null;
        if (labels is null && classes.Count > 1)
        {
            throw head.FieldError("labels", $"is required with {classes.Count} classes (which class is each box?)");
        }

        return new BoxListHeadSpec(OutputName(head, "boxes"), OutputName(head, "scores"), labels, EnumValue<BoxFormat>(head.Child("format")),
            EnumValue<BoxUnits>(head.Child("units")), Threshold(head, "scoreThreshold", YoloHeadSpec.DefaultScoreThreshold), ClassFilter(head, classes));
    }

    private static YoloHeadSpec ReadYolo(JsonConfigNode head, IReadOnlyList<string> classes)
    {
        head.RejectUnknownKeys("type", "output", "strides", "anchors", "sigmoidApplied", "scoreThreshold", "nmsIouThreshold", "classFilter");
        RequireClasses(head, classes);
        JsonConfigNode stridesNode = head.Child("strides");
        var strides = new List<int>();
        foreach (JsonConfigNode s in stridesNode.Items())
        {
            int stride = s.AsInteger();
            strides.Add(stride is >= 1 and <= 256 && (strides.Count == 0 || stride > strides[^1])
                ? stride
                : throw s.Error("must be a stride in 1..256 px, increasing", stride.ToString(CultureInfo.InvariantCulture)));
        }

        if (strides.Count == 0)
        {
            throw stridesNode.Error("must list at least one stride", "[]");
        }

        JsonConfigNode anchorsNode = head.Child("anchors");
        IReadOnlyList<JsonConfigNode> levels = anchorsNode.Items();
        if (levels.Count != strides.Count)
        {
            throw anchorsNode.Error($"must have one anchor list per stride ({strides.Count})", levels.Count.ToString(CultureInfo.InvariantCulture));
        }

        var anchors = new List<IReadOnlyList<(float, float)>>();
        foreach (JsonConfigNode level in levels)
        {
            double[] values = level.Items().Select(v => v.AsNumber()).ToArray();
            if (values.Length == 0 || values.Length % 2 != 0 || values.Any(v => v <= 0))
            {
                throw level.Error("must be [w1, h1, w2, h2, ...]: pairs of positive anchor sizes in input pixels", $"{values.Length} numbers");
            }

            anchors.Add(Enumerable.Range(0, values.Length / 2).Select(i => ((float)values[2 * i], (float)values[(2 * i) + 1])).ToArray());
        }

        return new YoloHeadSpec(OutputName(head, "output"), strides, anchors, head.Boolean("sigmoidApplied", false),
            Threshold(head, "scoreThreshold", YoloHeadSpec.DefaultScoreThreshold), Threshold(head, "nmsIouThreshold", YoloHeadSpec.DefaultNmsIouThreshold),
            ClassFilter(head, classes));
    }

    private static DepthHeadSpec ReadDepth(JsonConfigNode head)
    {
        head.RejectUnknownKeys("type", "output", "encoding", "scale");
        DepthEncoding encoding = EnumValue<DepthEncoding>(head.Child("encoding"));
        if (head.Has("scale") != (encoding == DepthEncoding.Scaled))
        {
            throw head.FieldError("scale", "is required with \"encoding\": \"scaled\" and only allowed there");
        }

        float scale = encoding == DepthEncoding.Scaled
            ? (float)head.NumberWhere("scale", v => v is > 0 and <= 10000, "must be metres per unit in (0, 10000]")
            : 1;
        return new DepthHeadSpec(OutputName(head, "output"), encoding, scale);
    }

    private static string OutputName(JsonConfigNode head, string key)
    {
        string name = head.String(key);
        return name.Length > 0 ? name : throw head.FieldError(key, "must name a model output", "\"\"");
    }

    private static void RequireClasses(JsonConfigNode head, IReadOnlyList<string> classes)
    {
        if (classes.Count == 0)
        {
            throw head.Error("a detection head needs the top-level \"classes\" list (names in the model's class-index order)");
        }
    }

    private static float Threshold(JsonConfigNode head, string key, float fallback) =>
        (float)head.NumberWhere(key, fallback, v => v is > 0 and <= 1, "must be in (0, 1]");

    /// <summary>Class names to keep (all when absent); each must be in the top-level list.</summary>
    private static IReadOnlyList<string> ClassFilter(JsonConfigNode head, IReadOnlyList<string> classes)
    {
        if (head.OptionalChild("classFilter") is not JsonConfigNode filter)
        {
            return [];
        }

        var names = new List<string>();
        foreach (JsonConfigNode item in filter.Items())
        {
            string name = item.AsString();
            names.Add(classes.Contains(name) ? name : throw item.Error($"must be one of the classes: {string.Join(", ", classes)}", $"\"{name}\""));
        }

        return names;
    }
}
