using System.Globalization;

namespace Octopilot.Bench.Runner.Report;

/// <summary>
/// Compares a run with an earlier report: every stage's p50 and p99, the missed ticks and the dropped frames. A latency
/// regresses when it exceeds baseline · (1 + fraction) + absolute ms; a count when it exceeds the baseline's.
/// </summary>
public static class BaselineComparison
{
    public static IReadOnlyList<Regression> Compare(BenchReport current, BenchReport baseline, BenchBudgets tolerance)
    {
        var regressions = new List<Regression>();
        foreach (StageFigures now in current.Stages)
        {
            StageFigures? before = baseline.Stages.FirstOrDefault(s => s.Name == now.Name);
            if (before is null || now.Count == 0 || before.Count == 0)
            {
                continue;
            }

            Latency(regressions, $"{now.Name} p50", before.P50Ms, now.P50Ms, tolerance);
            Latency(regressions, $"{now.Name} p99", before.P99Ms, now.P99Ms, tolerance);
        }

        Count(regressions, "missedTicks", baseline.Tick.MissedTicks, current.Tick.MissedTicks);
        Count(regressions, "droppedFrames", baseline.Cameras.Sum(c => c.Dropped), current.Cameras.Sum(c => c.Dropped));
        return regressions;
    }

    private static void Latency(List<Regression> regressions, string figure, double baselineMs, double actualMs, BenchBudgets tolerance)
    {
        double allowed = (baselineMs * (1 + tolerance.RegressionFraction)) + tolerance.RegressionAbsoluteMs;
        if (actualMs > allowed)
        {
            regressions.Add(new Regression(figure, baselineMs, actualMs, allowed, string.Create(CultureInfo.InvariantCulture,
                $"{figure}: {actualMs:0.00} ms against the baseline's {baselineMs:0.00} ms (allowed up to {allowed:0.00} ms: +{tolerance.RegressionFraction:P0} + {tolerance.RegressionAbsoluteMs:0.##} ms)")));
        }
    }

    private static void Count(List<Regression> regressions, string figure, long baseline, long actual)
    {
        if (actual > baseline)
        {
            regressions.Add(new Regression(figure, baseline, actual, baseline, string.Create(CultureInfo.InvariantCulture,
                $"{figure}: {actual} against the baseline's {baseline}")));
        }
    }
}
