using System.Text.Json;
using Octopilot.Testing;

namespace Octopilot.Inference.Tests.Engine;

/// <summary>The committed tiny HydraNet and its PyTorch parity sample (onnx/models/hydranet-tiny-288x384).</summary>
internal static class TinyModelFiles
{
    public static string Directory => Path.Combine(RepositoryPaths.Root, "onnx", "models", "hydranet-tiny-288x384");

    public static string Model => Path.Combine(Directory, "model.onnx");

    public static string SampleDirectory => Path.Combine(Directory, "sample");

    /// <summary>A tensor of the sample: raw little-endian file plus the shape from manifest.json.</summary>
    public static (byte[] Bytes, long[] Shape) SampleTensor(string name)
    {
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(SampleDirectory, "manifest.json")));
        JsonElement entry = FindEntry(manifest.RootElement, name);
        string file = entry.GetProperty("file").GetString()!;
        long[] shape = entry.GetProperty("shape").EnumerateArray().Select(e => e.GetInt64()).ToArray();
        return (File.ReadAllBytes(Path.Combine(SampleDirectory, file)), shape);
    }

    private static JsonElement FindEntry(JsonElement root, string name)
    {
        // Accept either {"tensors": {name: {...}}}, {name: {...}} or {"tensors": [{"name": name, ...}]}.
        JsonElement tensors = root.TryGetProperty("tensors", out JsonElement t) ? t : root;
        if (tensors.ValueKind == JsonValueKind.Object && tensors.TryGetProperty(name, out JsonElement byName))
        {
            return byName;
        }

        if (tensors.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in tensors.EnumerateArray())
            {
                if (item.TryGetProperty("name", out JsonElement n) && n.GetString() == name)
                {
                    return item;
                }
            }
        }

        throw new InvalidOperationException($"sample manifest has no tensor '{name}'");
    }
}
