using Octopilot.Core.Statistics;

namespace Octopilot.Host.Sim;

/// <summary>
/// End-to-end latency of frame sets as the consumer sees them (newest start-of-frame in the set → set taken), recorded
/// on the consumer thread and read by the reporter; a Monitor guards it (no managed allocation, even under contention).
/// </summary>
internal sealed class SetLatencyMeter
{
    private readonly object _gate = new();
    private readonly LogHistogram _histogram = new();

    public void Record(long latencyNs)
    {
        lock (_gate)
        {
            _histogram.Record(latencyNs);
        }
    }

    public void CopyTo(LogHistogram target)
    {
        lock (_gate)
        {
            _histogram.CopyTo(target);
        }
    }
}
