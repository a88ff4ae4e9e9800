namespace Octopilot.Inference.Manifest;

/// <summary>
/// How to run a foreign ONNX perception model unchanged (format: <c>onnx/README.md</c>, "Model manifests"): how to feed
/// it (<see cref="Input"/>), which of its outputs mean what (<see cref="Heads"/>), its detection class names
/// (<see cref="Classes"/>, in the model's index order) and the stride of the runtime maps the heads are resampled to.
/// Immutable; built by <see cref="ModelManifestFile"/>, checked against the model by <see cref="ModelManifestValidator"/>.
/// </summary>
public sealed record ModelManifest(
    string File,
    ManifestInput Input,
    IReadOnlyList<string> Classes,
    IReadOnlyList<HeadSpec> Heads,
    int MapStridePx)
{
    /// <summary>The format tag every manifest carries, so a wrong file type is refused by name.</summary>
    public const string FormatTag = "octopilot-model-manifest/1";

    /// <summary>Runtime map cell size in camera-frame pixels. Source: the contract HydraNet's stride (8).</summary>
    public const int DefaultMapStridePx = 8;
}
