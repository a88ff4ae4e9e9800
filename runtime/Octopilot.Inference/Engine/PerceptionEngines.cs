using Octopilot.Core.Time;
using Octopilot.Inference.ForeignModel;
using Octopilot.Inference.Manifest;

namespace Octopilot.Inference.Engine;

/// <summary>Opens the perception engine the options ask for: a manifest's foreign model, else the contract HydraNet.</summary>
public static class PerceptionEngines
{
    /// <summary>
    /// With <see cref="InferenceOptions.ManifestPath"/>: <see cref="ForeignModelEngine"/> for frames of
    /// <paramref name="frameWidthPx"/> × <paramref name="frameHeightPx"/> (manifest errors are a
    /// <see cref="Octopilot.Core.Configuration.ConfigException"/>, exit 2). Without: the zero-copy <see cref="InferenceEngine"/>
    /// (the frames must then be the model's input size; <see cref="IPerceptionEngine.Bind"/> says so otherwise).
    /// </summary>
    public static IPerceptionEngine Open(
        InferenceOptions options, IReadOnlyList<string> cameraNames, int frameWidthPx, int frameHeightPx, IClock clock, TextWriter log) =>
        options.ManifestPath is string manifest
            ? ForeignModelEngine.Open(options, ModelManifestFile.Load(manifest), cameraNames, frameWidthPx, frameHeightPx, [], clock, log)
            : InferenceEngine.Open(options, clock, log);
}
