using System.Diagnostics;

namespace Octopilot.Benchmarks.Inference;

/// <summary>
/// Runs several variants round-robin, set by set, so machine noise hits all alike: <paramref name="warmup"/> untimed
/// rounds, then <paramref name="sets"/> timed ones. Per variant: each set's time in ns and the managed bytes allocated
/// on this thread over the timed sets.
/// </summary>
internal static class InterleavedTimer
{
    public static (long[][] TimesNs, long[] Bytes) Measure(IReadOnlyList<Action> variants, int sets, int warmup)
    {
        var timesNs = variants.Select(_ => new long[sets]).ToArray();
        var bytes = new long[variants.Count];
        for (int i = -warmup; i < sets; i++)
        {
            for (int v = 0; v < variants.Count; v++)
            {
                long allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
                long start = Stopwatch.GetTimestamp();
                variants[v]();
                long elapsed = Stopwatch.GetTimestamp() - start;
                long allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
                if (i >= 0)
                {
                    timesNs[v][i] = elapsed * 1_000_000_000 / Stopwatch.Frequency;
                    bytes[v] += allocated;
                }
            }
        }

        return (timesNs, bytes);
    }
}
