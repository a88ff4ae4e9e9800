using System.Globalization;
using Octopilot.Core.Statistics;
using Octopilot.Core.Time;
using Octopilot.Planner.Tick;

namespace Octopilot.Benchmarks.Planner;

/// <summary>
/// The planner tick under real scheduling: <see cref="FixedTickLoop"/> at 100 Hz with a trivial step on
/// <see cref="MonotonicClock"/> (clock_nanosleep TIMER_ABSTIME), then <see cref="PeriodicTimer"/> at 100 Hz for the
/// same time under the same load, for comparison. Prints lateness p50/p99/max, missed ticks and what real-time setup got.
/// Run: <c>dotnet run -c Release --project bench/Octopilot.Benchmarks -- tick-loop [--seconds 60] [--load] [--priority N|none] [--core N|none] [--no-periodic-timer]</c>
/// </summary>
internal static class TickLoopRunner
{
    private const double RateHz = 100.0;

    /// <summary>A mid-range SCHED_FIFO priority: above every normal thread, below the kernel's own RT threads (which use 50 and 99).</summary>
    private const int DefaultFifoPriority = 40;

    public static int Run(string[] args)
    {
        double seconds = double.Parse(StringArg(args, "--seconds") ?? "60", CultureInfo.InvariantCulture);
        bool load = args.Contains("--load");
        int? priority = OptionalInt(args, "--priority", DefaultFifoPriority);
        int? core = OptionalInt(args, "--core", Environment.ProcessorCount - 1);
        bool comparePeriodicTimer = !args.Contains("--no-periodic-timer");
        CultureInfo c = CultureInfo.InvariantCulture;

        using var spinners = new SpinLoad(load ? Environment.ProcessorCount - 1 : 0);
        Console.WriteLine(string.Create(c,
            $"tick-loop: {RateHz} Hz for {seconds} s per variant, {Environment.ProcessorCount} cores, load: {(load ? $"{spinners.Count} spinning thread(s) at normal priority" : "none")}, asked SCHED_FIFO {priority?.ToString(c) ?? "none"}, core {core?.ToString(c) ?? "none"}"));
        Console.WriteLine("| variant | load | ticks | lateness p50 | p99 | max | missed (late + skipped) | step p50 / p99 | steady-state bytes | real-time setup |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|---|");
        string loadName = load ? $"{spinners.Count} spinner(s)" : "idle";

        TickLoopStatistics tick = RunFixedTickLoop(seconds, priority, core);
        Console.WriteLine(string.Create(c,
            $"| FixedTickLoop (clock_nanosleep ABSTIME) | {loadName} | {tick.Ticks} | {Us(tick.LatenessNs.PercentileNs(50))} | {Us(tick.LatenessNs.PercentileNs(99))} | {Us(tick.LatenessNs.MaxNs)} | {tick.MissedTicks} ({tick.LateTicks} + {tick.SkippedTicks}) | {Us(tick.StepDurationNs.PercentileNs(50))} / {Us(tick.StepDurationNs.PercentileNs(99))} | {tick.SteadyStateAllocatedBytes} over {tick.SteadyStateTicks} ticks | {tick.Realtime.Describe()} |"));

        if (comparePeriodicTimer)
        {
            var periodic = RunPeriodicTimer(seconds).GetAwaiter().GetResult();
            Console.WriteLine(string.Create(c,
                $"| PeriodicTimer (await, thread pool) | {loadName} | {periodic.Ticks} | {Us(periodic.LatenessNs.PercentileNs(50))} | {Us(periodic.LatenessNs.PercentileNs(99))} | {Us(periodic.LatenessNs.MaxNs)} | {periodic.Missed} (late > 1 period) | n/a | n/a | normal priority, unpinned; {periodic.Early} early wakes counted as 0; interval − period p50 {Us(periodic.IntervalErrorNs.PercentileNs(50))}, p99 {Us(periodic.IntervalErrorNs.PercentileNs(99))}, max {Us(periodic.IntervalErrorNs.MaxNs)} |"));
        }

        return 0;
    }

    private static TickLoopStatistics RunFixedTickLoop(double seconds, int? priority, int? core)
    {
        var options = new TickLoopOptions { PeriodNs = TimeUnits.PeriodNs(RateHz), FifoPriority = priority, CpuCore = core, ThreadName = "bench-tick" };
        var step = new TrivialStep();
        var statistics = new TickLoopStatistics();
        using (var loop = new FixedTickLoop(step, MonotonicClock.Instance, options, NullTickObserver.Instance, Console.Error))
        {
            loop.Start();
            Thread.Sleep(TimeSpan.FromSeconds(seconds));
            loop.Stop();
            loop.ReadStatistics(statistics);
        }

        return statistics;
    }

    /// <summary>
    /// PeriodicTimer as application code uses it: await on the thread pool. Lateness uses the loop's definition against
    /// the absolute grid the timer was started on: tick k (1-based) is due at start + k · period. Early wakes (its
    /// millisecond timer queue can fire before a nanosecond deadline) count as 0 and are counted separately. Because
    /// PeriodicTimer promises intervals rather than deadlines, the interval error (interval − period, early as 0) is
    /// reported too: that is the figure to compare with jitter numbers quoted elsewhere.
    /// </summary>
    private static async Task<(long Ticks, LogHistogram LatenessNs, LogHistogram IntervalErrorNs, long Missed, long Early)> RunPeriodicTimer(double seconds)
    {
        long periodNs = TimeUnits.PeriodNs(RateHz);
        var lateness = new LogHistogram();
        var intervalError = new LogHistogram();
        long previousNs = 0;
        long missed = 0;
        long early = 0;
        long ticks = 0;
        using var timer = new PeriodicTimer(TimeSpan.FromTicks(periodNs / 100));
        long startNs = MonotonicClock.Instance.NowNs;
        long endNs = startNs + TimeUnits.SecondsToNs(seconds);
        long nowNs = startNs;
        while (nowNs < endNs && await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            nowNs = MonotonicClock.Instance.NowNs;
            if (ticks > 0)
            {
                intervalError.Record(nowNs - previousNs - periodNs);
            }

            previousNs = nowNs;
            ticks++;
            long latenessNs = nowNs - (startNs + (ticks * periodNs));
            lateness.Record(latenessNs);
            missed += latenessNs > periodNs ? 1 : 0;
            early += latenessNs < 0 ? 1 : 0;
        }

        return (ticks, lateness, intervalError, missed, early);
    }

    private static string Us(long ns) => (ns / 1000.0).ToString("0", CultureInfo.InvariantCulture) + " µs";

    private static int? OptionalInt(string[] args, string name, int fallback) => StringArg(args, name) switch
    {
        null => fallback,
        "none" => null,
        string value => int.Parse(value, CultureInfo.InvariantCulture),
    };

    private static string? StringArg(string[] args, string name)
    {
        int at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private sealed class TrivialStep : ITickStep
    {
        private long _sum;

        public void Tick(in TickContext context) => _sum += context.LatenessNs;
    }
}
