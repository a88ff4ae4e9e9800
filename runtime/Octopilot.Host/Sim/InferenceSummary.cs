using Octopilot.Core.Statistics;

namespace Octopilot.Host.Sim;

/// <summary>What inference did over a sim run, for the summary.</summary>
internal sealed record InferenceSummary(
    string Provider, long SetsInferred, LogHistogram Latency, long Detections, long NonFiniteOutputs, long DetectionsRejected);
