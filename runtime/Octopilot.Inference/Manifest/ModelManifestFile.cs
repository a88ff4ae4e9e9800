using System.Globalization;
using System.Text.Json;
using Octopilot.Core.Configuration;

namespace Octopilot.Inference.Manifest;

/// <summary>
/// Reads model manifests (format: <c>onnx/README.md</c>, "Model manifests"). Strict: unknown keys, wrong types, values
/// out of range and contradictions throw <see cref="ConfigException"/> naming the file, the JSON path, the rule and the
/// value (hosts exit 2). What needs the model (names, shapes) is checked by <see cref="ModelManifestValidator"/>.
/// Start-up only; allocates freely.
/// </summary>
public static partial class ModelManifestFile
{
    public static ModelManifest Load(string path) => Read(JsonConfigNode.ParseFile(path));

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> is used in messages only.</summary>
    public static ModelManifest Parse(string file, string text) => Read(JsonConfigNode.Parse(file, text));

    private static ModelManifest Read(JsonConfigNode root)
    {
        root.RejectUnknownKeys("format", "description", "input", "classes", "mapStridePx", "heads");
        string format = root.String("format");
        if (format != ModelManifest.FormatTag)
        {
            throw root.FieldError("format", $"must be \"{ModelManifest.FormatTag}\" (is this a model manifest?)", $"\"{format}\"");
        }

        ManifestInput input = ReadInput(root.Child("input"));
        IReadOnlyList<string> classes = root.OptionalChild("classes") is JsonConfigNode c ? ReadClasses(c) : [];
        int mapStride = Integer(root, "mapStridePx", ModelManifest.DefaultMapStridePx, s => s is >= 1 and <= 64, "must be a cell size in 1..64 frame pixels");
        IReadOnlyList<HeadSpec> heads = ReadHeads(root.Child("heads"), classes);
        return new ModelManifest(root.File, input, classes, heads, mapStride);
    }

    private static ManifestInput ReadInput(JsonConfigNode input)
    {
        input.RejectUnknownKeys("name", "layout", "dtype", "colourOrder", "scaling", "fit", "fillValue", "widthPx", "heightPx");
        string name = input.String("name");
        if (name.Length == 0)
        {
            throw input.FieldError("name", "must name the model's image input", "\"\"");
        }

        TensorLayout layout = EnumValue<TensorLayout>(input.Child("layout"));
        InputElementType type = EnumValue(input.OptionalChild("dtype"), InputElementType.Float32);
        ColourOrder order = EnumValue(input.OptionalChild("colourOrder"), ColourOrder.Rgb);
        InputScaling scaling = input.OptionalChild("scaling") is JsonConfigNode s ? ReadScaling(s) : InputScaling.Identity;
        if (type == InputElementType.Uint8 && scaling != InputScaling.Identity)
        {
            throw input.FieldError("scaling", "must be \"none\" for a uint8 input (the model takes the raw bytes)");
        }

        SpatialFit fit = EnumValue(input.OptionalChild("fit"), SpatialFit.Stretch);
        int fill = Integer(input, "fillValue", ManifestInput.DefaultFillValue, v => v is >= 0 and <= 255, "must be a byte value 0..255");
        if (input.Has("fillValue") && fit != SpatialFit.Letterbox)
        {
            throw input.FieldError("fillValue", "is only used with \"fit\": \"letterbox\"");
        }

        int? width = input.Has("widthPx") ? Integer(input, "widthPx", 0, v => v is >= 8 and <= 8192, "must be 8..8192 px") : null;
        int? height = input.Has("heightPx") ? Integer(input, "heightPx", 0, v => v is >= 8 and <= 8192, "must be 8..8192 px") : null;
        if (width.HasValue != height.HasValue)
        {
            throw input.Error("widthPx and heightPx go together (give both or neither)");
        }

        return new ManifestInput(name, layout, type, order, scaling, fit, (byte)fill, width, height);
    }

    /// <summary>"none" | "divide255" | {"mean": [3], "std": [3]} (on x/255) | {"offset": [3], "divisor": [3]} (on raw bytes).</summary>
    private static InputScaling ReadScaling(JsonConfigNode node)
    {
        if (node.Element.ValueKind == JsonValueKind.String)
        {
            return node.AsString() switch
            {
                "none" => InputScaling.Identity,
                "divide255" => InputScaling.DivideBy255,
                string other => throw node.Error("must be \"none\", \"divide255\", {\"mean\", \"std\"} or {\"offset\", \"divisor\"}", $"\"{other}\""),
            };
        }

        node.RequireKind(JsonValueKind.Object, "must be \"none\", \"divide255\", {\"mean\", \"std\"} or {\"offset\", \"divisor\"}");
        if (node.Has("mean") || node.Has("std"))
        {
            node.RejectUnknownKeys("mean", "std");
            double[] mean = node.Child("mean").Numbers(3);
            double[] std = Positive(node.Child("std"), node.Child("std").Numbers(3));
            return InputScaling.MeanStd(mean, std);
        }

        node.RejectUnknownKeys("offset", "divisor");
        double[] offset = node.Child("offset").Numbers(3);
        double[] divisor = Positive(node.Child("divisor"), node.Child("divisor").Numbers(3));
        return new InputScaling(offset, divisor);
    }

    private static double[] Positive(JsonConfigNode node, double[] values) =>
        values.All(v => v > 0) ? values : throw node.Error("must be 3 positive numbers (one per channel, in the model's channel order)",
            "[" + string.Join(", ", values.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + "]");

    private static IReadOnlyList<string> ReadClasses(JsonConfigNode node)
    {
        var names = new List<string>();
        foreach (JsonConfigNode item in node.Items())
        {
            string name = item.AsString();
            if (name.Length == 0 || names.Contains(name))
            {
                throw item.Error("must be a non-empty class name, unique in the list", $"\"{name}\"");
            }

            names.Add(name);
        }

        return names.Count > 0 ? names : throw node.Error("must name at least one class (in the model's index order)", "[]");
    }

    private static int Integer(JsonConfigNode node, string key, int fallback, Func<int, bool> isAllowed, string rule)
    {
        if (!node.Has(key))
        {
            return fallback;
        }

        JsonConfigNode child = node.Child(key);
        int value = child.AsInteger();
        return isAllowed(value) ? value : throw child.Error(rule, value.ToString(CultureInfo.InvariantCulture));
    }

    private static T EnumValue<T>(JsonConfigNode? node, T fallback)
        where T : struct, Enum => node is JsonConfigNode n ? EnumValue<T>(n) : fallback;

    /// <summary>An enum written in camelCase (<c>"centreCrop"</c>); the error lists the allowed names.</summary>
    private static T EnumValue<T>(JsonConfigNode node)
        where T : struct, Enum
    {
        string text = node.AsString();
        foreach (T value in Enum.GetValues<T>())
        {
            if (JsonNamingPolicy.CamelCase.ConvertName(value.ToString()) == text)
            {
                return value;
            }
        }

        string allowed = string.Join(", ", Enum.GetNames<T>().Select(JsonNamingPolicy.CamelCase.ConvertName));
        throw node.Error($"must be one of: {allowed}", $"\"{text}\"");
    }
}
