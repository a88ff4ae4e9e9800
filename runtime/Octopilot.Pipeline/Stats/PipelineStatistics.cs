using Octopilot.Core.Statistics;

namespace Octopilot.Pipeline.Stats;

/// <summary>
/// A reusable snapshot of the whole pipeline's counters, filled by <see cref="FramePipeline.ReadStatistics"/> without
/// allocating: create one at start and refill it for each status line.
/// </summary>
public sealed class PipelineStatistics
{
    public PipelineStatistics(int cameraCount)
    {
        Cameras = new CameraCountersSnapshot[cameraCount];
    }

    public CameraCountersSnapshot[] Cameras { get; }

    public long SetsComplete { get; internal set; }

    public long SetsIncomplete { get; internal set; }

    public long SetsDropped { get; internal set; }

    public int LeasedSets { get; internal set; }

    /// <summary>Managed bytes allocated by all capture threads after their warm-up.</summary>
    public long CaptureSteadyStateAllocatedBytes { get; internal set; }

    public long CaptureSteadyStateFrames { get; internal set; }

    /// <summary>Start-of-frame spread per shipped set.</summary>
    public LogHistogram SyncSkew { get; } = new();

    /// <summary>First frame to shipping, per shipped set.</summary>
    public LogHistogram AssemblyLatency { get; } = new();

    public long SetsShipped => SetsComplete + SetsIncomplete;
}
