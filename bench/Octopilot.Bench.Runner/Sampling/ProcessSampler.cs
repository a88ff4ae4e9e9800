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

    /// <summary>
    /// CPU seconds per thread name, from /proc/self/task (empty when it is not there). Each stat file is read into one
    /// reused buffer and parsed as ASCII, so a sample costs little more than the directory listing.
    /// </summary>
    public static Dictionary<string, double> ThreadCpuSeconds()
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        const string tasks = "/proc/self/task";
        if (!Directory.Exists(tasks))
        {
            return result;
        }

        Span<byte> buffer = stackalloc byte[1024];
        foreach (string task in Directory.EnumerateDirectories(tasks))
        {
            try
            {
                int length;
                using (Microsoft.Win32.SafeHandles.SafeFileHandle handle = File.OpenHandle(task + "/stat"))
                {
                    length = RandomAccess.Read(handle, buffer, 0);
                }

                // "tid (comm) state ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
                ReadOnlySpan<byte> stat = buffer[..length];
                int open = stat.IndexOf((byte)'('), close = stat.LastIndexOf((byte)')');
                if (open < 0 || close < open)
                {
                    continue;
                }

                // After "comm) ": state is field 0, utime field 11, stime field 12 (stat fields 14 and 15).
                ReadOnlySpan<byte> rest = stat[(close + 2)..];
                long utime = 0, stime = 0;
                for (int field = 0; field <= 12 && !rest.IsEmpty; field++)
                {
                    int space = rest.IndexOf((byte)' ');
                    ReadOnlySpan<byte> value = space < 0 ? rest : rest[..space];
                    if (field == 11)
                    {
                        utime = long.Parse(value, CultureInfo.InvariantCulture);
                    }
                    else if (field == 12)
                    {
                        stime = long.Parse(value, CultureInfo.InvariantCulture);
                    }

                    rest = space < 0 ? [] : rest[(space + 1)..];
                }

                string name = System.Text.Encoding.UTF8.GetString(stat[(open + 1)..close]);
                result[name] = result.GetValueOrDefault(name) + ((utime + stime) / ClockTicksPerSecond);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException)
            {
                // A thread that ended between listing and reading: nothing to add.
            }
        }

        return result;
    }
}
