using System.Text.Json;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Reads one <c>&lt;camera&gt;.objects.json</c> (see <see cref="ObjectLabelsJsonWriter"/>) with the Python loader's
/// rules: class from the manifest's classes, boxPx four integers inside the image with min ≤ max, depthM finite and
/// &gt; 0, visiblePixels an integer ≥ 0; plus groundCentreEgoM three finite numbers (the evaluation places objects by it).
/// </summary>
internal static class ObjectLabelsJsonReader
{
    public static LabelledObject[] Read(string path, int widthPx, int heightPx, IReadOnlyList<string> classes)
    {
        var need = new JsonRules(path);
        JsonElement root = need.Parse();
        need.Check(root.ValueKind == JsonValueKind.Array, "must be a JSON array of objects");
        var objects = new List<LabelledObject>(root.GetArrayLength());
        int i = 0;
        foreach (JsonElement entry in root.EnumerateArray())
        {
            need.Check(entry.ValueKind == JsonValueKind.Object, $"[{i}] must be an object");
            JsonRules.TryGet(entry, "class", out JsonElement classElement);
            string? className = classElement.ValueKind == JsonValueKind.String ? classElement.GetString() : null;
            need.Check(className is not null && classes.Contains(className), $"[{i}].class must be one of [{string.Join(", ", classes)}], got {JsonRules.Shown(classElement)}");
            int[] box = Integers(entry, "boxPx");
            need.Check(box.Length == 4, $"[{i}].boxPx must be 4 integers [minU,minV,maxU,maxV], got {JsonRules.Shown(Get(entry, "boxPx"))}");
            need.Check(box[0] >= 0 && box[0] <= box[2] && box[2] < widthPx && box[1] >= 0 && box[1] <= box[3] && box[3] < heightPx,
                $"[{i}].boxPx [{string.Join(",", box)}] must satisfy 0 <= min <= max < size ({widthPx}x{heightPx})");
            JsonElement depth = Get(entry, "depthM");
            need.Check(depth.ValueKind == JsonValueKind.Number && double.IsFinite(depth.GetDouble()) && depth.GetDouble() > 0, $"[{i}].depthM must be a finite number > 0, got {JsonRules.Shown(depth)}");
            JsonElement visibleElement = Get(entry, "visiblePixels");
            int visible = 1;
            need.Check(visibleElement.ValueKind == JsonValueKind.Undefined || (JsonRules.IsInt(visibleElement, out visible) && visible >= 0), $"[{i}].visiblePixels must be an int >= 0, got {JsonRules.Shown(visibleElement)}");
            double[] centre = Numbers(entry, "groundCentreEgoM");
            need.Check(centre.Length == 3 && centre.All(double.IsFinite), $"[{i}].groundCentreEgoM must be 3 finite numbers [x,y,z] (metres, ego frame), got {JsonRules.Shown(Get(entry, "groundCentreEgoM"))}");
            JsonRules.IsInt(Get(entry, "id"), out int id);
            objects.Add(new LabelledObject(id, className!, box[0], box[1], box[2], box[3], visible, depth.GetDouble(), centre[0], centre[1], centre[2]));
            i++;
        }

        return [.. objects];
    }

    private static JsonElement Get(JsonElement entry, string name) => JsonRules.TryGet(entry, name, out JsonElement value) ? value : default;

    private static int[] Integers(JsonElement entry, string name)
    {
        JsonElement list = Get(entry, name);
        if (list.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var values = new List<int>();
        foreach (JsonElement e in list.EnumerateArray())
        {
            if (!JsonRules.IsInt(e, out int v))
            {
                return [];
            }

            values.Add(v);
        }

        return [.. values];
    }

    private static double[] Numbers(JsonElement entry, string name)
    {
        JsonElement list = Get(entry, name);
        return list.ValueKind == JsonValueKind.Array && list.EnumerateArray().All(e => e.ValueKind == JsonValueKind.Number)
            ? list.EnumerateArray().Select(e => e.GetDouble()).ToArray()
            : [];
    }
}
