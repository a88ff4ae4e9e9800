using System.Globalization;
using System.Text.Json;
using Octopilot.Core.Labels;

namespace Octopilot.Host.Dataset;

/// <summary>
/// The <c>manifest.json</c> of an <c>octopilot-dataset/1</c> folder, validated like the Python loader
/// (onnx/hydranet/train/dataset.py): format, mode, cameras, classes, labelClasses and samples. The label map's values
/// are read by name into <see cref="LabelClass"/> (<see cref="LabelOf"/>), so a dataset that numbers its classes
/// differently is still read right. <c>solidLaneMarking</c> is optional: datasets written before it existed lack it.
/// </summary>
internal sealed class DatasetManifest
{
    private DatasetManifest(
        string root, int widthPx, int heightPx, string? rigFileName, IReadOnlyList<string> cameras, IReadOnlyList<string> classes,
        LabelClass?[] labelOf, IReadOnlyList<DatasetSampleEntry> samples)
    {
        Root = root;
        WidthPx = widthPx;
        HeightPx = heightPx;
        RigFileName = rigFileName;
        Cameras = cameras;
        Classes = classes;
        LabelOf = labelOf;
        Samples = samples;
    }

    public string Root { get; }

    public string ManifestPath => Path.Combine(Root, DatasetFormat.ManifestFile);

    public int WidthPx { get; }

    public int HeightPx { get; }

    /// <summary>The rig file's name (a file in runtime/config), or null when the manifest names none.</summary>
    public string? RigFileName { get; }

    public IReadOnlyList<string> Cameras { get; }

    /// <summary>Object class names, in class-index order.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Per class-map byte value, the <see cref="LabelClass"/> its labelClasses name stands for (null: not named, or a name this runtime does not know).</summary>
    public LabelClass?[] LabelOf { get; }

    /// <summary>True when labelClasses names solidLaneMarking (solid paint is then told apart from dashed).</summary>
    public bool HasSolidLaneMarking => LabelOf.Contains(LabelClass.SolidLaneMarking);

    public IReadOnlyList<DatasetSampleEntry> Samples { get; }

    public string SampleFolder(string id) => Path.Combine(Root, DatasetFormat.SamplesFolder, id);

    public static DatasetManifest Load(string root)
    {
        if (!Directory.Exists(root))
        {
            throw new DatasetFormatException(root, "no such dataset folder");
        }

        var need = new JsonRules(Path.Combine(root, DatasetFormat.ManifestFile));
        JsonElement manifest = need.Parse();
        need.Check(manifest.ValueKind == JsonValueKind.Object, "must be a JSON object");
        JsonRules.TryGet(manifest, "format", out JsonElement format);
        need.Check(format.ValueKind == JsonValueKind.String && format.GetString() == DatasetFormat.Name, $"format must be \"{DatasetFormat.Name}\", got {JsonRules.Shown(format)}");
        JsonRules.TryGet(manifest, "mode", out JsonElement mode);
        bool sized = JsonRules.TryGet(mode, "widthPx", out JsonElement w) & JsonRules.TryGet(mode, "heightPx", out JsonElement h);
        need.Check(sized && JsonRules.IsInt(w, out int widthPx) && JsonRules.IsInt(h, out int heightPx) && widthPx > 0 && heightPx > 0,
            $"mode must be {{\"widthPx\": int > 0, \"heightPx\": int > 0}}, got {JsonRules.Shown(mode)}");
        JsonRules.IsInt(w, out widthPx);
        JsonRules.IsInt(h, out heightPx);
        string? rig = JsonRules.TryGet(manifest, "rig", out JsonElement rigElement) && rigElement.ValueKind == JsonValueKind.String ? rigElement.GetString() : null;
        string[] cameras = Names(need, manifest, "cameras");
        string[] classes = Names(need, manifest, "classes");
        LabelClass?[] labelOf = LabelMap(need, manifest);
        return new DatasetManifest(root, widthPx, heightPx, rig, cameras, classes, labelOf, ReadSamples(need, manifest));
    }

    private static string[] Names(JsonRules need, JsonElement manifest, string field)
    {
        JsonRules.TryGet(manifest, field, out JsonElement list);
        string[] names = list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() ?? string.Empty : string.Empty).ToArray()
            : [];
        need.Check(names.Length > 0 && names.All(n => n.Length > 0) && names.Distinct(StringComparer.Ordinal).Count() == names.Length,
            $"{field} must be a non-empty list of unique names, got {JsonRules.Shown(list)}");
        return names;
    }

    private static LabelClass?[] LabelMap(JsonRules need, JsonElement manifest)
    {
        JsonRules.TryGet(manifest, "labelClasses", out JsonElement map);
        need.Check(map.ValueKind == JsonValueKind.Object, $"labelClasses must map label indices 0..255 to names, got {JsonRules.Shown(map)}");
        var labelOf = new LabelClass?[256];
        var named = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonProperty entry in map.EnumerateObject())
        {
            bool index = byte.TryParse(entry.Name, NumberStyles.None, CultureInfo.InvariantCulture, out byte value);
            need.Check(index && entry.Value.ValueKind == JsonValueKind.String, $"labelClasses must map label indices 0..255 to names, got \"{entry.Name}\": {JsonRules.Shown(entry.Value)}");
            string name = entry.Value.GetString()!;
            named.Add(name);
            foreach ((LabelClass label, string known) in DatasetFormat.LabelClasses)
            {
                labelOf[value] = known == name ? label : labelOf[value];
            }
        }

        foreach (string required in RequiredLabelNames)
        {
            need.Check(named.Contains(required), $"labelClasses must name \"{required}\" (lane and drivable cells are built from it), got {string.Join(", ", named.Order(StringComparer.Ordinal))}");
        }

        return labelOf;
    }

    /// <summary>The label names the evaluation needs: lane paint and drivable surface (solidLaneMarking is optional, see the class summary).</summary>
    private static readonly string[] RequiredLabelNames = ["road", "laneMarking"];

    private static DatasetSampleEntry[] ReadSamples(JsonRules need, JsonElement manifest)
    {
        JsonRules.TryGet(manifest, "samples", out JsonElement list);
        need.Check(list.ValueKind == JsonValueKind.Array && list.GetArrayLength() > 0, "samples must be a non-empty list");
        var samples = new List<DatasetSampleEntry>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int index = 0;
        foreach (JsonElement sample in list.EnumerateArray())
        {
            JsonRules.TryGet(sample, "id", out JsonElement idElement);
            string id = idElement.ValueKind == JsonValueKind.String ? idElement.GetString()! : string.Empty;
            need.Check(id.Length > 0 && !id.Contains('/', StringComparison.Ordinal) && !id.Contains('\\', StringComparison.Ordinal) && id != ".." && seen.Add(id),
                $"samples[{index}].id must be a unique non-empty name, got {JsonRules.Shown(idElement)}");
            JsonRules.TryGet(sample, "split", out JsonElement splitElement);
            string? split = splitElement.ValueKind == JsonValueKind.String ? splitElement.GetString() : null;
            need.Check(split is "train" or "val", $"samples[{index}].split must be \"train\" or \"val\", got {JsonRules.Shown(splitElement)}");
            samples.Add(new DatasetSampleEntry(id, split == "val" ? DatasetSplit.Val : DatasetSplit.Train));
            index++;
        }

        return [.. samples];
    }
}
