using Octopilot.Core.Configuration;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Inference.Providers;

namespace Octopilot.Host.Sim;

/// <summary>
/// The `inference` section of a settings file:
/// <code>
/// "inference": { "model": "path.onnx", "manifest": "model.manifest.json", "providers": ["tensorrt", "cuda", "cpu"], "requireProvider": "cuda",
///                "intraOpThreads": 0, "allowSpinning": false, "optimizedModelCache": "dir", "tensorRtCache": "dir",
///                "nativeLibraryDirectory": "dir", "objectScoreThreshold": 0.3, "objectRange": "modelDepth" | "groundContact",
///                "objectRangeNoiseFraction": 0.06, "objectNmsIou": 0.5 }
/// </code>
/// Paths are relative to the settings file. Every broken rule is a <see cref="ConfigException"/>.
/// </summary>
internal static class InferenceSettingsSection
{
    public static InferenceOptions Parse(JsonConfigNode node, string directory)
    {
        node.RejectUnknownKeys("model", "manifest", "providers", "requireProvider", "intraOpThreads", "interOpThreads", "allowSpinning",
            "optimizedModelCache", "tensorRtCache", "nativeLibraryDirectory", "objectScoreThreshold", "objectRange", "objectRangeNoiseFraction", "objectNmsIou", "deviceId");
        var providers = new List<ExecutionProviderKind>();
        if (node.OptionalChild("providers") is JsonConfigNode list)
        {
            foreach (JsonConfigNode item in list.Items())
            {
                providers.Add(ParseProvider(item));
            }

            if (providers.Count == 0)
            {
                throw list.Error($"must list at least one provider of: {string.Join(", ", ExecutionProviderNames.All)}");
            }
        }
        else
        {
            providers.Add(ExecutionProviderKind.Cpu);
        }

        return new InferenceOptions
        {
            ModelPath = SimSettingsFile.ResolvePath(node, "model", directory),
            ManifestPath = node.OptionalChild("manifest") is null ? null : SimSettingsFile.ResolvePath(node, "manifest", directory),
            Providers = providers,
            RequiredProvider = node.OptionalChild("requireProvider") is JsonConfigNode required ? ParseProvider(required) : null,
            IntraOpThreads = (int)node.NumberWhere("intraOpThreads", 0, v => v >= 0 && v <= 256 && v == Math.Floor(v), "must be a whole number in 0..256 (0: ORT chooses)"),
            InterOpThreads = (int)node.NumberWhere("interOpThreads", 1, v => v >= 0 && v <= 256 && v == Math.Floor(v), "must be a whole number in 0..256"),
            AllowSpinning = node.Boolean("allowSpinning", false),
            OptimizedModelCacheDirectory = OptionalDirectory(node, "optimizedModelCache", directory),
            TensorRtCacheDirectory = OptionalDirectory(node, "tensorRtCache", directory),
            NativeLibraryDirectory = OptionalDirectory(node, "nativeLibraryDirectory", directory),
            ObjectScoreThreshold = (float)node.NumberWhere("objectScoreThreshold", InferenceOptions.DefaultObjectScoreThreshold, v => v > 0 && v < 1, "must be in (0, 1)"),
            ObjectRange = ParseObjectRange(node),
            ObjectNmsIou = (float)node.NumberWhere(
                "objectNmsIou", DetectionOverlapSuppression.DefaultIouThreshold, v => v > 0 && v <= 1,
                "must be in (0, 1]: the box IoU above which a weaker detection of the same class is dropped as a duplicate (1: none dropped)"),
            ObjectRangeNoiseFraction = node.OptionalChild("objectRangeNoiseFraction") is null
                ? null
                : node.NumberWhere("objectRangeNoiseFraction", 0, v => v > 0 && v < 1, "must be in (0, 1): the model's range error as a fraction of range"),
            DeviceId = (int)node.NumberWhere("deviceId", 0, v => v >= 0 && v <= 64 && v == Math.Floor(v), "must be a whole number in 0..64"),
        };
    }

    public static ExecutionProviderKind ParseProvider(JsonConfigNode item)
    {
        string name = item.AsString();
        if (!ExecutionProviderNames.TryParse(name, out ExecutionProviderKind kind))
        {
            throw item.Error($"must be one of: {string.Join(", ", ExecutionProviderNames.All)}", $"\"{name}\"");
        }

        return kind;
    }

    private static ObjectRangePolicy ParseObjectRange(JsonConfigNode node)
    {
        if (node.OptionalChild("objectRange") is not JsonConfigNode child)
        {
            return ObjectRangePolicy.ModelDepth;
        }

        string name = child.AsString();
        return name switch
        {
            "modelDepth" => ObjectRangePolicy.ModelDepth,
            "groundContact" => ObjectRangePolicy.GroundContact,
            _ => throw child.Error("must be one of: modelDepth, groundContact", $"\"{name}\""),
        };
    }

    private static string? OptionalDirectory(JsonConfigNode node, string key, string directory) =>
        node.OptionalChild(key) is JsonConfigNode child ? Path.GetFullPath(Path.Combine(directory, child.AsString())) : null;
}
