namespace Octopilot.Host.Dataset;

/// <summary>One sample of a dataset manifest: its id (folder name under <c>samples/</c>) and its split.</summary>
internal sealed record DatasetSampleEntry(string Id, DatasetSplit Split);
