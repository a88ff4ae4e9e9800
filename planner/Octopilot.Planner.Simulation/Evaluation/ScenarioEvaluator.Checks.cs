using System.Globalization;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Evaluation;

public static partial class ScenarioEvaluator
{
    /// <summary>Slack on gap − S_rear, m: round-off only (the planner and the evaluator compute the same gap in different frames).</summary>
    private const double RearGapRoundOffM = 1e-6;

    private static List<CheckOutcome> Check(ScenarioExpectations e, ScenarioTrace trace, ScenarioFigures f, LaneChangeFigures lc,
        IReadOnlyList<TakeoverEvent> takeovers)
    {
        var checks = new List<CheckOutcome>();
        if (e.NoCollision)
        {
            checks.Add(f.Collision
                ? Fail("noCollision", $"gap ≤ 0 at {S(f.CollisionAtS)} s")
                : Pass("noCollision", $"closest gap {M(MinClosestGap(trace))} m > 0"));
        }

        if (e.EnvelopeRespected)
        {
            checks.Add(Envelope("envelope.decel2s", f.Decel2s, "m/s²"));
            checks.Add(Envelope("envelope.accel2s", f.Accel2s, "m/s²"));
            checks.Add(Envelope("envelope.jerk1s", f.Jerk1s, "m/s³"));
        }

        if (e.MinGapM is double minGapM)
        {
            bool ok = f.MinGapM is not double g || g >= minGapM;
            checks.Add(new CheckOutcome("minGapM", ok, $"min gap {M(f.MinGapM)} m at {S(f.MinGapAtS)} s, must be ≥ {M(minGapM)} m"));
        }

        if (e.MinTimeGapS is double minTimeGapS)
        {
            (double? value, double? atS) = Minimum(trace.Samples.Where(s => s.TimeS >= e.MinTimeGapFromS), TimeGapS);
            bool ok = value is not double v || v >= minTimeGapS;
            checks.Add(new CheckOutcome("minTimeGapS", ok,
                $"min time gap from {S(e.MinTimeGapFromS)} s: {S(value)} s at {S(atS)} s, must be ≥ {S(minTimeGapS)} s"));
        }

        if (e.Settle is SettleExpectation settle)
        {
            double error = f.SettleMaxErrorFraction ?? double.PositiveInfinity;
            checks.Add(new CheckOutcome("settle", error <= settle.ToleranceFraction, double.IsInfinity(error)
                ? $"no lead on some tick after {S(settle.AfterS)} s: cannot settle"
                : $"gap within {P(error)} % of d0 + v·T after {S(settle.AfterS)} s, must be ≤ {P(settle.ToleranceFraction)} %"));
        }

        checks.Add(Takeover(e, takeovers));
        AddLaneChangeChecks(e, lc, checks);

        if (e.EgoStops)
        {
            checks.Add(new CheckOutcome("egoStops", f.StoppedAtS is not null,
                f.StoppedAtS is double t ? $"stopped at {S(t)} s" : "the ego never came to a standstill"));
        }

        if (e.FinalSpeedMinMps is double min)
        {
            checks.Add(new CheckOutcome("finalSpeedMinMps", f.FinalSpeedMps >= min, $"final speed {S(f.FinalSpeedMps)} m/s, must be ≥ {S(min)}"));
        }

        if (e.FinalSpeedMaxMps is double max)
        {
            checks.Add(new CheckOutcome("finalSpeedMaxMps", f.FinalSpeedMps <= max, $"final speed {S(f.FinalSpeedMps)} m/s, must be ≤ {S(max)}"));
        }

        return checks;
    }

    private static void AddLaneChangeChecks(ScenarioExpectations e, LaneChangeFigures lc, List<CheckOutcome> checks)
    {
        // UN R79 rear gap: checked on every run that started a lane change, expected or not.
        if (lc.Starts > 0)
        {
            bool ok = lc.WorstRearMarginM is not double margin || margin >= -RearGapRoundOffM;
            checks.Add(new CheckOutcome("rearGapAtStart", ok, lc.RearGapAtStartM is null
                ? "no vehicle behind in the target lane at the start"
                : $"rear gap {M(lc.RearGapAtStartM)} m vs S_rear {M(lc.RearRequiredGapAtStartM)} m at the start (worst margin {M(lc.WorstRearMarginM)} m over {lc.Starts} start(s)), must be ≥ S_rear"));
        }

        if (e.LaneChange is LaneChangeExpectation outcome)
        {
            string seen = $"requested {S(lc.RequestedAtS)} s, started {S(lc.StartedAtS)} s, completed {S(lc.CompletedAtS)} s, aborted {S(lc.AbortedAtS)} s, cancelled {S(lc.CancelledAtS)} s ({lc.CancelReason ?? "-"})";
            bool ok = outcome switch
            {
                LaneChangeExpectation.Completed => lc.CompletedAtS is not null,
                LaneChangeExpectation.NeverStarted => lc.StartedAtS is null,
                _ => lc.StartedAtS is not null && lc.AbortedAtS is not null && lc.CompletedAtS is null,
            };
            checks.Add(new CheckOutcome("laneChange", ok, $"must be {outcome}: {seen}"));
        }

        if (e.LaneChangeStartNotBeforeS is double notBefore)
        {
            bool ok = lc.StartedAtS is not double t || t >= notBefore;
            checks.Add(new CheckOutcome("laneChangeStartNotBeforeS", ok, $"started at {S(lc.StartedAtS)} s, must not start before {S(notBefore)} s"));
        }

        if (e.LaneChangeStartByS is double startBy)
        {
            checks.Add(new CheckOutcome("laneChangeStartByS", lc.StartedAtS <= startBy, $"started at {S(lc.StartedAtS)} s, must start by {S(startBy)} s"));
        }

        if (e.LaneChangeCompletedByS is double doneBy)
        {
            checks.Add(new CheckOutcome("laneChangeCompletedByS", lc.CompletedAtS <= doneBy, $"completed at {S(lc.CompletedAtS)} s, must complete by {S(doneBy)} s"));
        }

        if (e.GapSeekingByS is double seekBy)
        {
            checks.Add(new CheckOutcome("gapSeekingByS", lc.GapSeekingAtS <= seekBy, $"gap seeking from {S(lc.GapSeekingAtS)} s, must begin by {S(seekBy)} s"));
        }
    }

    private static CheckOutcome Takeover(ScenarioExpectations e, IReadOnlyList<TakeoverEvent> takeovers)
    {
        string seen = takeovers.Count == 0
            ? "none raised"
            : string.Join("; ", takeovers.Select(t => $"{t.Reason} {S(t.StartS)}–{S(t.EndS)} s"));
        double? firstS = takeovers.Count > 0 ? takeovers[0].StartS : null;
        return e.Takeover switch
        {
            TakeoverExpectation.Forbidden => new CheckOutcome("takeover", takeovers.Count == 0, $"must not be raised: {seen}"),
            TakeoverExpectation.Expected when e.TakeoverByS is double by =>
                new CheckOutcome("takeover", firstS <= by, $"must be raised by {S(by)} s: {seen}"),
            TakeoverExpectation.Expected => new CheckOutcome("takeover", firstS is not null, $"must be raised: {seen}"),
            _ => Pass("takeover", $"not checked: {seen}"),
        };
    }

    private static CheckOutcome Envelope(string name, WindowedPeak peak, string unit) =>
        new(name, peak.WithinLimit,
            $"max {M(peak.MaxValue)} {unit} at {S(peak.MaxValueAtS)} s (limit there {M(peak.LimitAtMaxValue)}); worst {P(peak.MaxFractionOfLimit)} % of the limit at {S(peak.MaxFractionAtS)} s, must be ≤ 100 %");

    private static double? MinClosestGap(ScenarioTrace trace) => Minimum(trace.Samples, s => s.ClosestGapM).Value;

    private static CheckOutcome Pass(string name, string message) => new(name, true, message);

    private static CheckOutcome Fail(string name, string message) => new(name, false, message);

    private static string S(double? value) => value is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string M(double? value) => value is double v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "-";

    private static string P(double fraction) => (fraction * 100).ToString("0.0", CultureInfo.InvariantCulture);
}
