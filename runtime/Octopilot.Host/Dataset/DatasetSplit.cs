namespace Octopilot.Host.Dataset;

/// <summary>Which split a whole sample (all its cameras) belongs to.</summary>
internal enum DatasetSplit
{
    Train,
    Val,
}
