namespace Octopilot.Host.Dataset;

/// <summary>One written sample: its id (folder name), split and scene.</summary>
internal sealed record DatasetSample(string Id, DatasetSplit Split, SceneVariant Variant);
