using System.Globalization;
using Octopilot.Planner.Simulation.Evaluation;

namespace Octopilot.Host.Cli;

/// <summary>Prints one scenario result: verdict, the measured figures against the envelope, events, failed checks.</summary>
internal static class ScenarioReportWriter
{
    public static void Write(TextWriter output, ScenarioResult result)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        ScenarioFigures f = result.Figures;
        output.WriteLine(string.Create(c, $"{(result.Passed ? "PASS" : "FAIL")} {result.Name} ({result.DurationS:0.#} s)"));
        output.WriteLine(string.Create(c,
            $"     collision {(f.Collision ? $"YES at {f.CollisionAtS:0.00} s" : "no")}; min gap {Value(f.MinGapM, "m")}{At(f.MinGapAtS)}; min time gap {Value(f.MinTimeGapS, "s")}{At(f.MinTimeGapAtS)}"));
        output.WriteLine(string.Create(c,
            $"     decel(2 s) {Peak(f.Decel2s)}; accel(2 s) {Peak(f.Accel2s)}; jerk(1 s) {Peak(f.Jerk1s, "m/s³")}"));
        if (result.Takeovers.Count > 0)
        {
            output.WriteLine("     takeover requests: " + string.Join("; ", result.Takeovers.Select(t =>
                string.Create(c, $"{t.Reason} {t.StartS:0.00}–{(t.EndS is double end ? end.ToString("0.00", c) : "end")} s"))));
        }

        LaneChangeFigures lc = result.LaneChange;
        if (lc.RequestedAtS is not null)
        {
            output.WriteLine(string.Create(c,
                $"     lane change: requested {Time(lc.RequestedAtS)}, gap seeking {Time(lc.GapSeekingAtS)}, started {Time(lc.StartedAtS)}, completed {Time(lc.CompletedAtS)}, aborted {Time(lc.AbortedAtS)}, cancelled {Time(lc.CancelledAtS)}{(lc.CancelReason is null ? string.Empty : $" ({lc.CancelReason})")}; rear gap at start {Value(lc.RearGapAtStartM, "m")} vs S_rear {Value(lc.RearRequiredGapAtStartM, "m")}"));
        }

        LateralFigures lat = result.Lateral;
        if (lat.SystemSteeredTicks > 0)
        {
            output.WriteLine(string.Create(c,
                $"     lateral: keeping RMS {Value3(lat.LaneKeepingRmsM)}, max {Value3(lat.LaneKeepingMaxM)}{At(lat.LaneKeepingMaxAtS)}; peak a_lat {lat.PeakLateralAccelMps2:0.00} m/s², jerk {lat.PeakLateralJerkMps3:0.00} m/s³{(lat.DriverSteeredAfterS is double d ? $"; driver steers from {d:0.00} s" : string.Empty)}"));
            if (lat.TicksByReason.Count > 0)
            {
                output.WriteLine(string.Create(c, $"     lateral ticks rejected/limited: {string.Join(", ", lat.TicksByReason.Select(r => $"{r.Key} {r.Value}"))}; holding {lat.HoldingTicks}"));
            }
        }

        if (lat.LaneChangeTargetLane is int target)
        {
            output.WriteLine(string.Create(c,
                $"     lane change to lane {target}: overshoot {Value3(lat.LaneChangeOvershootM)}, worst offset after the window {Value3(lat.LaneChangeWorstOffsetM)}, final {Value3(lat.LaneChangeFinalOffsetM)}"));
        }

        foreach (CheckOutcome check in result.Checks.Where(check => !check.Passed))
        {
            output.WriteLine($"     FAILED {check.Name}: {check.Message}");
        }
    }

    private static string Value(double? value, string unit) =>
        value is double v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.00} {unit}") : "-";

    private static string Value3(double? value) =>
        value is double v ? string.Create(CultureInfo.InvariantCulture, $"{v:0.000} m") : "-";

    private static string At(double? timeS) =>
        timeS is double t ? string.Create(CultureInfo.InvariantCulture, $" at {t:0.00} s") : string.Empty;

    private static string Time(double? timeS) =>
        timeS is double t ? string.Create(CultureInfo.InvariantCulture, $"{t:0.00} s") : "-";

    private static string Peak(WindowedPeak peak, string unit = "m/s²") => string.Create(CultureInfo.InvariantCulture,
        $"{peak.MaxValue:0.00} {unit} ({peak.MaxFractionOfLimit * 100:0}% of limit{(peak.WithinLimit ? string.Empty : " EXCEEDED")})");
}
