using System.Globalization;
using System.Text.Json;

namespace Octopilot.Core.Configuration;

/// <summary>
/// A strict reader over one JSON object of a configuration file. Every accessor knows the file and the JSON
/// path it is at, so each failure becomes a <see cref="ConfigException"/> naming file, field and rule.
/// Unknown keys are errors (<see cref="RejectUnknownKeys"/>): a misspelt key must never be silently ignored.
/// Start-up only; allocates freely.
/// </summary>
public readonly struct JsonConfigNode
{
    public JsonConfigNode(string file, string path, JsonElement element)
    {
        File = file;
        Path = path;
        Element = element;
    }

    public string File { get; }

    public string Path { get; }

    public JsonElement Element { get; }

    /// <summary>Parses a whole file; a syntax error names the line and byte position.</summary>
    public static JsonConfigNode ParseFile(string file)
    {
        string text;
        try
        {
            text = System.IO.File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException(file, "(file)", "must be a readable file", e.Message);
        }

        return Parse(file, text);
    }

    /// <summary>Parses text that came from <paramref name="file"/> (used for messages only).</summary>
    public static JsonConfigNode Parse(string file, string text)
    {
        try
        {
            var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = false };
            using JsonDocument document = JsonDocument.Parse(text, options);
            var root = new JsonConfigNode(file, "$", document.RootElement.Clone());
            root.RequireKind(JsonValueKind.Object, "must be a JSON object");
            return root;
        }
        catch (JsonException e)
        {
            int? line = e.LineNumber is long l ? (int)l + 1 : null;
            throw new ConfigException(file, "(syntax)", "must be valid JSON", e.Message, line);
        }
    }

    public ConfigException Error(string rule, string? actual = null) => new(File, Path, rule, actual);

    public ConfigException FieldError(string key, string rule, string? actual = null) => new(File, $"{Path}.{key}", rule, actual);

    public bool Has(string key) => Element.TryGetProperty(key, out _);

    public JsonConfigNode Child(string key)
    {
        if (!Element.TryGetProperty(key, out JsonElement value))
        {
            throw FieldError(key, "is required");
        }

        return new JsonConfigNode(File, $"{Path}.{key}", value);
    }

    public JsonConfigNode? OptionalChild(string key) =>
        Element.TryGetProperty(key, out JsonElement value) ? new JsonConfigNode(File, $"{Path}.{key}", value) : null;

    public void RequireKind(JsonValueKind kind, string rule)
    {
        if (Element.ValueKind != kind)
        {
            throw Error(rule, Element.ValueKind.ToString().ToLowerInvariant());
        }
    }

    /// <summary>Fails on the first key not in <paramref name="allowedKeys"/>, listing the allowed ones.</summary>
    public void RejectUnknownKeys(params string[] allowedKeys)
    {
        RequireKind(JsonValueKind.Object, "must be a JSON object");
        foreach (JsonProperty property in Element.EnumerateObject())
        {
            if (Array.IndexOf(allowedKeys, property.Name) < 0)
            {
                throw FieldError(property.Name, $"is not a known key; allowed: {string.Join(", ", allowedKeys)}");
            }
        }
    }

    public double Number(string key) => Child(key).AsNumber();

    public double Number(string key, double fallback) => OptionalChild(key) is JsonConfigNode n ? n.AsNumber() : fallback;

    public int Integer(string key) => Child(key).AsInteger();

    public int Integer(string key, int fallback) => OptionalChild(key) is JsonConfigNode n ? n.AsInteger() : fallback;

    public string String(string key) => Child(key).AsString();

    public string String(string key, string fallback) => OptionalChild(key) is JsonConfigNode n ? n.AsString() : fallback;

    public bool Boolean(string key, bool fallback)
    {
        if (OptionalChild(key) is not JsonConfigNode n)
        {
            return fallback;
        }

        return n.Element.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw n.Error("must be true or false", n.Element.GetRawText()),
        };
    }

    public double AsNumber()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetDouble(out double value) || !double.IsFinite(value))
        {
            throw Error("must be a finite number", Element.GetRawText());
        }

        return value;
    }

    public int AsInteger()
    {
        if (Element.ValueKind != JsonValueKind.Number || !Element.TryGetInt32(out int value))
        {
            throw Error("must be a whole number", Element.GetRawText());
        }

        return value;
    }

    public string AsString()
    {
        if (Element.ValueKind != JsonValueKind.String)
        {
            throw Error("must be a string", Element.GetRawText());
        }

        return Element.GetString()!;
    }

    public IReadOnlyList<JsonConfigNode> Items()
    {
        RequireKind(JsonValueKind.Array, "must be a JSON array");
        var items = new List<JsonConfigNode>();
        int index = 0;
        foreach (JsonElement item in Element.EnumerateArray())
        {
            items.Add(new JsonConfigNode(File, $"{Path}[{index}]", item));
            index++;
        }

        return items;
    }

    /// <summary>An array of exactly <paramref name="count"/> finite numbers.</summary>
    public double[] Numbers(int count)
    {
        IReadOnlyList<JsonConfigNode> items = Items();
        if (items.Count != count)
        {
            throw Error($"must be an array of {count} numbers", items.Count.ToString(CultureInfo.InvariantCulture) + " items");
        }

        var values = new double[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = items[i].AsNumber();
        }

        return values;
    }

    /// <summary>A number that must satisfy a rule; the rule text goes into the error.</summary>
    public double NumberWhere(string key, Func<double, bool> isAllowed, string rule)
    {
        JsonConfigNode child = Child(key);
        double value = child.AsNumber();
        if (!isAllowed(value))
        {
            throw child.Error(rule, value.ToString("R", CultureInfo.InvariantCulture));
        }

        return value;
    }

    public double NumberWhere(string key, double fallback, Func<double, bool> isAllowed, string rule)
    {
        if (OptionalChild(key) is null)
        {
            return fallback;
        }

        return NumberWhere(key, isAllowed, rule);
    }
}
