using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// Turns a run's trace into figures and a verdict per expectation. Pure: works as well on a synthetic trace
/// (the unit tests) as on a closed-loop run.
/// </summary>
public static partial class ScenarioEvaluator
{
    /// <summary>Below this ego speed the time gap is not measured, m/s: it diverges at standstill, where the gap itself is judged.</summary>
    public const double MinSpeedForTimeGapMps = 1.0;

    public static ScenarioResult Evaluate(Scenario scenario, ScenarioTrace trace, PlannerOptions options)
    {
        ScenarioFigures figures = Measure(trace, scenario.Expect, options);
        LaneChangeFigures laneChange = MeasureLaneChange(trace);
        LateralFigures lateral = MeasureLateral(scenario, trace, options);
        IReadOnlyList<TakeoverEvent> takeovers = Takeovers(trace);
        List<CheckOutcome> checks = Check(scenario.Expect, trace, figures, laneChange, takeovers);
        AddLateralChecks(scenario.Expect, lateral, options, checks);
        return new ScenarioResult(scenario.Name, scenario.File, scenario.Description, scenario.DurationS, checks.TrueForAll(c => c.Passed),
            figures, laneChange, lateral, takeovers, checks);
    }

    internal static ScenarioFigures Measure(ScenarioTrace trace, ScenarioExpectations expect, PlannerOptions options)
    {
        IReadOnlyList<TraceSample> samples = trace.Samples;
        double[] speedMps = samples.Select(s => s.EgoSpeedMps).ToArray();
        double[] accelMps2 = samples.Select(s => s.EgoAccelMps2).ToArray();

        double? collisionAtS = FirstTime(samples, s => s.ClosestGapM <= 0);
        (double? minGapM, double? minGapAtS) = Minimum(samples, s => s.LeadGapM);
        (double? minTimeGapS, double? minTimeGapAtS) = Minimum(samples, TimeGapS);
        double? stoppedAtS = FirstTime(samples, s => s.EgoSpeedMps < options.StandstillSpeedMps);
        TraceSample last = samples.Count > 0 ? samples[^1] : default;

        return new ScenarioFigures(
            collisionAtS is not null,
            collisionAtS,
            minGapM,
            minGapAtS,
            minTimeGapS,
            minTimeGapAtS,
            EnvelopeWindows.Deceleration(speedMps, trace.TickS, options),
            EnvelopeWindows.Acceleration(speedMps, trace.TickS, options),
            EnvelopeWindows.Jerk(speedMps, accelMps2, trace.TickS, options),
            accelMps2.Length > 0 ? Math.Max(0, -accelMps2.Min()) : 0,
            stoppedAtS,
            last.EgoSpeedMps,
            last.LeadGapM,
            expect.Settle is SettleExpectation settle ? SettleError(samples, settle.AfterS) : null);
    }

    internal static double? FirstTime(IEnumerable<TraceSample> samples, Func<TraceSample, bool> condition) =>
        samples.Where(condition).Select(s => (double?)s.TimeS).FirstOrDefault();

    internal static double? TimeGapS(TraceSample s) =>
        s.LeadGapM is double gapM && s.EgoSpeedMps >= MinSpeedForTimeGapMps ? gapM / s.EgoSpeedMps : null;

    /// <summary>Largest |gap − desired| / desired from <paramref name="afterS"/> on; +∞ when the lead is missing on any of those ticks.</summary>
    internal static double SettleError(IReadOnlyList<TraceSample> samples, double afterS)
    {
        double worst = 0;
        foreach (TraceSample s in samples.Where(s => s.TimeS >= afterS))
        {
            if (s.LeadGapM is not double gapM)
            {
                return double.PositiveInfinity;
            }

            worst = Math.Max(worst, Math.Abs(gapM - s.DesiredGapM) / s.DesiredGapM);
        }

        return worst;
    }

    internal static (double? Value, double? AtS) Minimum(IEnumerable<TraceSample> samples, Func<TraceSample, double?> value)
    {
        double? best = null, atS = null;
        foreach (TraceSample s in samples)
        {
            if (value(s) is double v && (best is null || v < best))
            {
                best = v;
                atS = s.TimeS;
            }
        }

        return (best, atS);
    }

    internal static LaneChangeFigures MeasureLaneChange(ScenarioTrace trace)
    {
        double? requested = null, seeking = null, started = null, completed = null, aborted = null, cancelled = null;
        double? rearGapM = null, rearRequiredM = null, worstMarginM = null;
        string? cancelReason = null;
        int starts = 0;
        foreach (TraceSample s in trace.Samples.Where(s => s.LaneChangeTransition != LaneChangeReason.None))
        {
            switch (s.LaneChangeState)
            {
                case LaneChangeState.Requested:
                    requested ??= s.TimeS;
                    break;
                case LaneChangeState.SeekingGap:
                    seeking ??= s.TimeS;
                    break;
                case LaneChangeState.Changing:
                    starts++;
                    if (started is null)
                    {
                        started = s.TimeS;
                        rearGapM = s.RearGapM;
                        rearRequiredM = s.RearRequiredGapM;
                    }

                    if (s.RearGapM is double gap && s.RearRequiredGapM is double required)
                    {
                        worstMarginM = Math.Min(worstMarginM ?? double.MaxValue, gap - required);
                    }

                    break;
                case LaneChangeState.Done:
                    completed ??= s.TimeS;
                    break;
                case LaneChangeState.Aborting:
                    aborted ??= s.TimeS;
                    break;
                case LaneChangeState.Cancelled when cancelled is null:
                    cancelled = s.TimeS;
                    cancelReason = s.LaneChangeTransition.ToString();
                    break;
            }
        }

        return new LaneChangeFigures(requested, seeking, started, completed, aborted, cancelled, cancelReason, rearGapM, rearRequiredM, starts,
            worstMarginM);
    }

    internal static List<TakeoverEvent> Takeovers(ScenarioTrace trace)
    {
        var events = new List<TakeoverEvent>();
        double? startS = null;
        TakeoverReason reason = TakeoverReason.None;
        foreach (TraceSample s in trace.Samples)
        {
            if (s.Takeover != TakeoverReason.None && startS is null)
            {
                startS = s.TimeS;
                reason = s.Takeover;
            }
            else if (s.Takeover == TakeoverReason.None && startS is double began)
            {
                events.Add(new TakeoverEvent(began, s.TimeS, reason.ToString()));
                startS = null;
            }
        }

        if (startS is double open)
        {
            events.Add(new TakeoverEvent(open, null, reason.ToString()));
        }

        return events;
    }
}
