namespace Octopilot.Bench.Runner.Report;

/// <summary>
/// What a bench run must meet to pass, and how much worse than a baseline a figure may be. From the bench config's
/// <c>budgets</c> and <c>baselineTolerance</c> sections; a null limit is not checked.
/// </summary>
public sealed record BenchBudgets
{
    public double? EndToEndP99Ms { get; init; } = 250;

    public long? MissedTicks { get; init; } = 0;

    public long? DroppedFrames { get; init; } = 0;

    public long? IncompleteSets { get; init; } = 0;

    /// <summary>Managed bytes per set on the inference thread in steady state.</summary>
    public long? ConsumerBytesPerSet { get; init; } = 0;

    /// <summary>A stage's p50/p99 may be this fraction above the baseline's ...</summary>
    public double RegressionFraction { get; init; } = 0.25;

    /// <summary>... plus this much, ms (timing noise on a shared machine).</summary>
    public double RegressionAbsoluteMs { get; init; } = 2.0;

    public IReadOnlyList<BudgetCheck> Check(BenchReport report)
    {
        var checks = new List<BudgetCheck>();
        StageFigures endToEnd = report.Stage("endToEnd");
        if (EndToEndP99Ms is double e2e)
        {
            checks.Add(new BudgetCheck("endToEndP99Ms", e2e, endToEnd.P99Ms, endToEnd.Count > 0 && endToEnd.P99Ms <= e2e));
        }

        if (MissedTicks is long missed)
        {
            checks.Add(new BudgetCheck("missedTicks", missed, report.Tick.MissedTicks, report.Tick.MissedTicks <= missed));
        }

        long dropped = report.Cameras.Sum(c => c.Dropped);
        if (DroppedFrames is long drops)
        {
            checks.Add(new BudgetCheck("droppedFrames", drops, dropped, dropped <= drops));
        }

        if (IncompleteSets is long incomplete)
        {
            checks.Add(new BudgetCheck("incompleteSets", incomplete, report.Sets.Incomplete, report.Sets.Incomplete <= incomplete));
        }

        if (ConsumerBytesPerSet is long bytes && report.Memory.ConsumerSteadyStateSets > 0)
        {
            double perSet = report.Memory.ConsumerSteadyStateBytes / (double)report.Memory.ConsumerSteadyStateSets;
            checks.Add(new BudgetCheck("consumerBytesPerSet", bytes, perSet, perSet <= bytes));
        }

        return checks;
    }
}
