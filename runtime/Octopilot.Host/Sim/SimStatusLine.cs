using System.Globalization;
using System.Text;
using Octopilot.Core.Statistics;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Host.Sim;

/// <summary>The one-line live status of `octopilot sim`, built once per status interval on the reporter thread.</summary>
internal static class SimStatusLine
{
    public static string Format(
        double elapsedS, PipelineStatistics current, PipelineStatistics previous, double intervalS, LogHistogram endToEnd, double cpuCores,
        (double SetsPerSecond, long P99Ns)? inference)
    {
        var line = new StringBuilder(160);
        CultureInfo c = CultureInfo.InvariantCulture;
        line.Append(c, $"[{elapsedS,6:0.0}s] fps");
        long dropped = 0, late = 0, errors = 0;
        for (int camera = 0; camera < current.Cameras.Length; camera++)
        {
            CameraCountersSnapshot delta = current.Cameras[camera] - previous.Cameras[camera];
            line.Append(c, $" {delta.Captured / intervalS,4:0.0}");
            dropped += current.Cameras[camera].Dropped;
            late += current.Cameras[camera].Late;
            errors += current.Cameras[camera].Errors;
        }

        line.Append(c, $" | sets {current.SetsShipped} ({current.SetsIncomplete} incomplete, {current.SetsDropped} dropped)");
        line.Append(c, $" | drop {dropped} late {late} err {errors}");
        line.Append(c, $" | skew p99 {Ms(current.SyncSkew.PercentileNs(99))} ms");
        if (inference is (double setsPerSecond, long p99Ns))
        {
            line.Append(c, $" | infer {setsPerSecond:0.0} sets/s p99 {Ms(p99Ns)} ms");
        }

        line.Append(c, $" | e2e p99 {Ms(endToEnd.PercentileNs(99))} ms");
        line.Append(c, $" | cpu {cpuCores:0.00} cores");
        return line.ToString();
    }

    internal static string Ms(long ns) => (ns / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
