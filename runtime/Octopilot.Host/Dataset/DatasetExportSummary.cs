namespace Octopilot.Host.Dataset;

/// <summary>What an export wrote: samples per split, files (the manifest included), bytes and wall time.</summary>
internal sealed record DatasetExportSummary(int Samples, int TrainSamples, int ValSamples, int Files, long Bytes, double ElapsedS);
