using System.Text.Json;

namespace Octopilot.Host.Dataset;

/// <summary>Parses one JSON file of a dataset and checks rules on it; every failure names the file (exit 2).</summary>
internal readonly struct JsonRules
{
    public JsonRules(string path) => Path = path;

    public string Path { get; }

    /// <summary>The file's root element (a clone: the document is disposed here).</summary>
    public JsonElement Parse()
    {
        if (!File.Exists(Path))
        {
            throw new DatasetFormatException(Path, "missing");
        }

        try
        {
            using JsonDocument document = JsonDocument.Parse(File.ReadAllBytes(Path));
            return document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new DatasetFormatException(Path, $"not valid JSON: {e.Message}", e);
        }
    }

    public void Check(bool ok, string rule)
    {
        if (!ok)
        {
            throw new DatasetFormatException(Path, rule);
        }
    }

    /// <summary>Property <paramref name="name"/> of <paramref name="element"/> when it is an object holding it.</summary>
    public static bool TryGet(JsonElement element, string name, out JsonElement value)
    {
        value = default;
        return element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value);
    }

    public static bool IsInt(JsonElement element, out int value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt32(out value);
    }

    public static string Shown(JsonElement element)
    {
        string raw = element.ValueKind == JsonValueKind.Undefined ? "(absent)" : element.GetRawText();
        return raw.Length <= 80 ? raw : raw[..77] + "...";
    }
}
