using System.Diagnostics;
using System.Globalization;

namespace Octopilot.Bench.Runner.Sampling;

/// <summary>
/// Reads the process's CPU (whole and per thread), managed allocation, GC counts and pause time and working set once per
/// call, on the reporter thread. Per-thread CPU comes from Linux's /proc/self/task/TID/stat (utime + stime in clock
/// ticks, summed per thread name: the capture threads share a name prefix); elsewhere the map is empty.
/// </summary>
public sealed class ProcessSampler
{
    /// <summary>USER_HZ: Linux reports task times in 1/100 s on every architecture we ship (x86-64, arm64).</summary>
    private const double ClockTicksPerSecond = 100;

    private readonly long _startNs;
    private readonly Func<long> _nowNs;
    private readonly List<ProcessSample> _samples = [];

    public ProcessSampler(long startNs, Func<long> nowNs)
    {
        _startNs = startNs;
        _nowNs = nowNs;
    }

    public IReadOnlyList<ProcessSample> Samples => _samples;

    /// <summary>Peak working set of the process so far (VmHWM on Linux).</summary>
    public static long PeakWorkingSetBytes()
    {
        using var process = Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }

    public ProcessSample Sample(IReadOnlyList<long> droppedPerCamera)
    {
        using var process = Process.GetCurrentProcess();
        var sample = new ProcessSample(
            (_nowNs() - _startNs) / 1e9,
            process.TotalProcessorTime.TotalSeconds,
            ThreadCpuSeconds(),
            GC.GetTotalAllocatedBytes(false),
            GC.CollectionCount(0),
            GC.CollectionCount(1),
            GC.CollectionCount(2),
            GC.GetTotalPauseDuration().TotalMilliseconds,
            process.WorkingSet64,
            [.. droppedPerCamera],
            GC.GetAllocatedBytesForCurrentThread());
        _samples.Add(sample);
        return sample;
    }

    /// <summary>CPU seconds per thread name, from /proc/self/task (empty when it is not there).</summary>
    public static Dictionary<string, double> ThreadCpuSeconds()
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks))
        {
            return result;
        }

        foreach (string task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                string stat = File.ReadAllText(Path.Combine(task, "stat"));

                // "tid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
                int open = stat.IndexOf('(', StringComparison.Ordinal), close = stat.LastIndexOf(')');
                if (open < 0 || close < open)
                {
                    continue;
                }

                string name = stat[(open + 1)..close];
                string[] fields = stat[(close + 2)..].Split(' ');

                // After comm: state(0) ppid(1) ... utime is field 14 of stat, index 11 here; stime index 12.
                double seconds = (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / ClockTicksPerSecond;
                result[name] = result.GetValueOrDefault(name) + seconds;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
            {
                // A thread that ended between listing and reading: nothing to add.
            }
        }

        return result;
    }
}
