using System.Globalization;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;

namespace Octopilot.Planner;

/// <summary>
/// Every tunable number of the planner. Immutable; <see cref="Validate"/> runs once when a <see cref="Planner"/> is built
/// (or call it yourself before using the static step). Each default is a named constant whose doc gives unit, range
/// and source. Constants fixed by regulation (UN R79 rear gap) are not options; see <see cref="LaneChange.RearSafety"/>.
/// </summary>
public sealed record PlannerOptions
{
    // ---- Tick -------------------------------------------------------------------------------------------------------

    /// <summary>Tick period, s. Range 0.001..0.1. Source: issue #4 (100 Hz tick).</summary>
    public const double DefaultTickPeriodS = 0.01;

    // ---- Distance keep (ACC) ----------------------------------------------------------------------------------------

    /// <summary>Floor for every time-gap setting, s. Source: ISO 15622 τ_min = 0.8 s.</summary>
    public const double MinTimeGapS = 0.8;

    /// <summary>Time gap of the Short setting, s. Range ≥ 0.8. Source: issue #4.</summary>
    public const double DefaultTimeGapShortS = 1.0;

    /// <summary>Time gap of the Medium setting, s. Range ≥ 0.8. Source: issue #4.</summary>
    public const double DefaultTimeGapMediumS = 1.5;

    /// <summary>Time gap of the Long setting, s. Range ≥ 0.8. Source: issue #4.</summary>
    public const double DefaultTimeGapLongS = 2.0;

    /// <summary>Standstill distance d0 (bumper to bumper when stopped), m. Range 1..10. Source: ISO 15622 leaves it to
    /// the maker; production systems stop 2–5 m behind (openpilot: a few metres).</summary>
    public const double DefaultStandstillDistanceM = 3.0;

    /// <summary>Cruise speed-error gain, 1/s (a 1 m/s error asks 0.4 m/s²). Range 0.05..2. Source: tuned in the closed-loop test.</summary>
    public const double DefaultCruiseGainPerS = 0.4;

    /// <summary>Gap-error gain k1 of the constant-time-gap law, 1/s². Range 0.01..2. Source: tuned in the closed-loop test
    /// (same order as Milanés &amp; Shladover 2014, k1 = 0.23).</summary>
    public const double DefaultGapGainPerS2 = 0.25;

    /// <summary>Relative-speed gain k2 of the constant-time-gap law, 1/s. Range 0.05..3. Source: tuned in the closed-loop test.</summary>
    public const double DefaultRelativeSpeedGainPerS = 0.75;

    /// <summary>Below this speed the vehicle counts as stopped, m/s. Range 0.01..1. Source: wheel-speed resolution.</summary>
    public const double DefaultStandstillSpeedMps = 0.1;

    /// <summary>Brake command that holds the car at standstill, m/s² (negative). Range −3..−0.1. Source: openpilot holds with ~−1..−2.</summary>
    public const double DefaultStandstillHoldAccelMps2 = -1.0;

    /// <summary>How long a resume press allows departure from standstill, s. Range 0.5..10. Source: product choice.</summary>
    public const double DefaultResumeValidityS = 3.0;

    /// <summary>How far an object's near side must be inside the ego lane edge to count as in lane (a cut-in), m.
    /// Range 0..1. Source: perception noise of a car driving on the line (≈ ±0.2 m).</summary>
    public const double DefaultCutInIntrusionM = 0.2;

    // ---- ISO 15622 envelope (interpolated linearly between the two speeds) -----------------------------------------

    /// <summary>Speed at and above which the high-speed limits apply, m/s. Source: ISO 15622 / issue #4.</summary>
    public const double DefaultEnvelopeHighSpeedMps = 20.0;

    /// <summary>Speed at and below which the low-speed limits apply, m/s. Source: ISO 15622 / issue #4.</summary>
    public const double DefaultEnvelopeLowSpeedMps = 5.0;

    /// <summary>Max deceleration above 20 m/s, m/s². Source: ISO 15622.</summary>
    public const double DefaultMaxDecelHighSpeedMps2 = 3.5;

    /// <summary>Max deceleration below 5 m/s, m/s². Source: ISO 15622.</summary>
    public const double DefaultMaxDecelLowSpeedMps2 = 5.0;

    /// <summary>Max acceleration above 20 m/s, m/s². Source: ISO 15622.</summary>
    public const double DefaultMaxAccelHighSpeedMps2 = 2.0;

    /// <summary>Max acceleration below 5 m/s, m/s². Source: ISO 15622.</summary>
    public const double DefaultMaxAccelLowSpeedMps2 = 4.0;

    /// <summary>Max jerk above 20 m/s, m/s³. Source: ISO 15622.</summary>
    public const double DefaultMaxJerkHighSpeedMps3 = 2.5;

    /// <summary>Max jerk below 5 m/s, m/s³. Source: ISO 15622.</summary>
    public const double DefaultMaxJerkLowSpeedMps3 = 5.0;

    // ---- Takeover rule ----------------------------------------------------------------------------------------------

    /// <summary>Takeover when the required deceleration exceeds this fraction of the envelope, 1. Range 0.3..1.
    /// Source: product choice; 0.8 warns while 20 % authority is left, ≈ 1 s before the limit in a lead-braking case.</summary>
    public const double DefaultTakeoverDecelFraction = 0.8;

    /// <summary>Gap the takeover rule must keep, m (the command itself aims at d0). Range 0..d0. Source: product choice.</summary>
    public const double DefaultTakeoverMinGapM = 1.0;

    /// <summary>A takeover request stays up at least this long, s. Range 0..10. Source: HMI practice (no flicker).</summary>
    public const double DefaultTakeoverHoldS = 2.0;

    // ---- Staleness and fallback -------------------------------------------------------------------------------------

    /// <summary>World model older than this is stale, s. Range 0.02..2. Source: ≈ 7 frames at 36 fps; product choice.</summary>
    public const double DefaultStaleAfterS = 0.2;

    /// <summary>A world model stamped later than the tick by more than this is bad input, s. Source: clock jitter bound.</summary>
    public const double DefaultFutureToleranceS = 0.05;

    /// <summary>Gentle fallback deceleration, m/s² (positive). Range 0.2..3. Source: below ISO 15622 comfort limits.</summary>
    public const double DefaultFallbackDecelMps2 = 1.0;

    /// <summary>Jerk of the fallback ramp, m/s³. Range 0.2..5. Source: product choice (gentler than the envelope).</summary>
    public const double DefaultFallbackJerkMps3 = 1.0;

    // ---- Lane change ------------------------------------------------------------------------------------------------

    /// <summary>No lane change below this speed, m/s (60 km/h). Range 0..40. Source: UN R79 ACSF category C, v_smin 60 km/h.</summary>
    public const double DefaultLaneChangeMinSpeedMps = 60.0 / 3.6;

    /// <summary>Free distance needed ahead in the target lane, m. Range 10..300. Source: issue #4 product rule.</summary>
    public const double DefaultTargetLaneClearanceM = 100.0;

    /// <summary>Time without clearance after which speed is adjusted to reach a gap, s. Source: issue #4 product rule.</summary>
    public const double DefaultGapSeekAfterS = 5.0;

    /// <summary>How far above the set speed gap seeking may go, m/s (10 km/h). Range 0..10. Source: product choice.</summary>
    public const double DefaultGapSeekSpeedMarginMps = 10.0 / 3.6;

    /// <summary>Cancel when lateral movement has not started this long after the procedure start, s. Range &gt; GapSeekAfterS.
    /// Source: product choice (5 s wait + 7 s of gap seeking); note that UN R79 ACSF-C asks for a shorter bound.</summary>
    public const double DefaultLaneChangeCancelAfterS = 12.0;

    /// <summary>Lateral movement starts no earlier than this after the procedure start, s. Range ≥ 1. Source: UN R79 (1.0 s).</summary>
    public const double DefaultMinTimeBeforeLateralS = 1.0;

    /// <summary>Duration of the lateral manoeuvre, s. Range 2..5. Source: UN R79 / issue #4 (complete within 5 s).</summary>
    public const double DefaultLaneChangeDurationS = 4.0;

    /// <summary>
    /// How long the boundary toward the target lane must read solid before a waiting lane change is cancelled, s.
    /// Range 0..<see cref="MinTimeBeforeLateralS"/> (0: the first solid reading cancels). While it reads solid for less,
    /// the change is held (never started), so a line that is really solid is still never crossed, and one frame of a
    /// learned perception misreading a dashed divider does not cancel what the driver asked for. Source: product choice
    /// (about 4 camera frames at 15 fps); shorter than the 1 s before any lateral movement, so a request across a
    /// solid line is refused before the car could move.
    /// </summary>
    public const double DefaultSolidBoundaryConfirmS = 0.3;

    /// <summary>
    /// How long the world model must show no lane on the requested side before a waiting lane change is cancelled, s.
    /// Range 0..<see cref="MinTimeBeforeLateralS"/> (0: the first set without it cancels). While it is missing for less,
    /// the change is held (never started) and the last target lane kept. Why: a learned lane fit can drop the outer
    /// boundary for one set (measured: one set of 15 at 2.1 s in lane-change-free-lane read 2 lanes, ego in the
    /// leftmost), which cancelled the driver's request at once. Source: product choice, the same 0.3 s as
    /// <see cref="DefaultSolidBoundaryConfirmS"/> for the same reason.
    /// </summary>
    public const double DefaultTargetLaneConfirmS = 0.3;

    /// <summary>Upper bound for <see cref="LaneChangeDurationS"/>, s. Source: UN R79 / issue #4.</summary>
    public const double MaxLaneChangeDurationS = 5.0;

    // ---- Lateral ------------------------------------------------------------------------------------------------------

    /// <summary>The lateral controller steers only at and above this speed, m/s (60 km/h); below it it has no authority
    /// (the curvature ramps to 0, no takeover, a latched takeover clears). Range 0..40. Source: product choice in line
    /// with LKAS practice (systems under ISO 11270 / UN R79 typically work from about 60 km/h); it also keeps a hold that
    /// expires while crawling up behind a stopped car (lanes hidden) from raising a takeover at standstill.</summary>
    public const double DefaultLateralMinSpeedMps = 60.0 / 3.6;

    // ---- Ego geometry -----------------------------------------------------------------------------------------------

    /// <summary>Front bumper, m forward of the rear axle. Range 1..8. Source: mid-size car (2.8 m wheelbase + 0.9 m overhang).</summary>
    public const double DefaultEgoFrontBumperXM = 3.7;

    /// <summary>Rear bumper, m forward of the rear axle (negative). Range −3..0. Source: mid-size car rear overhang.</summary>
    public const double DefaultEgoRearBumperXM = -1.0;

    public double TickPeriodS { get; init; } = DefaultTickPeriodS;

    public double TimeGapShortS { get; init; } = DefaultTimeGapShortS;
    public double TimeGapMediumS { get; init; } = DefaultTimeGapMediumS;
    public double TimeGapLongS { get; init; } = DefaultTimeGapLongS;
    public double StandstillDistanceM { get; init; } = DefaultStandstillDistanceM;
    public double CruiseGainPerS { get; init; } = DefaultCruiseGainPerS;
    public double GapGainPerS2 { get; init; } = DefaultGapGainPerS2;
    public double RelativeSpeedGainPerS { get; init; } = DefaultRelativeSpeedGainPerS;
    public double StandstillSpeedMps { get; init; } = DefaultStandstillSpeedMps;
    public double StandstillHoldAccelMps2 { get; init; } = DefaultStandstillHoldAccelMps2;
    public double ResumeValidityS { get; init; } = DefaultResumeValidityS;
    public double CutInIntrusionM { get; init; } = DefaultCutInIntrusionM;

    public double EnvelopeHighSpeedMps { get; init; } = DefaultEnvelopeHighSpeedMps;
    public double EnvelopeLowSpeedMps { get; init; } = DefaultEnvelopeLowSpeedMps;
    public double MaxDecelHighSpeedMps2 { get; init; } = DefaultMaxDecelHighSpeedMps2;
    public double MaxDecelLowSpeedMps2 { get; init; } = DefaultMaxDecelLowSpeedMps2;
    public double MaxAccelHighSpeedMps2 { get; init; } = DefaultMaxAccelHighSpeedMps2;
    public double MaxAccelLowSpeedMps2 { get; init; } = DefaultMaxAccelLowSpeedMps2;
    public double MaxJerkHighSpeedMps3 { get; init; } = DefaultMaxJerkHighSpeedMps3;
    public double MaxJerkLowSpeedMps3 { get; init; } = DefaultMaxJerkLowSpeedMps3;

    public double TakeoverDecelFraction { get; init; } = DefaultTakeoverDecelFraction;
    public double TakeoverMinGapM { get; init; } = DefaultTakeoverMinGapM;
    public double TakeoverHoldS { get; init; } = DefaultTakeoverHoldS;

    public double StaleAfterS { get; init; } = DefaultStaleAfterS;
    public double FutureToleranceS { get; init; } = DefaultFutureToleranceS;
    public double FallbackDecelMps2 { get; init; } = DefaultFallbackDecelMps2;
    public double FallbackJerkMps3 { get; init; } = DefaultFallbackJerkMps3;

    public double LaneChangeMinSpeedMps { get; init; } = DefaultLaneChangeMinSpeedMps;
    public double TargetLaneClearanceM { get; init; } = DefaultTargetLaneClearanceM;
    public double GapSeekAfterS { get; init; } = DefaultGapSeekAfterS;
    public double GapSeekSpeedMarginMps { get; init; } = DefaultGapSeekSpeedMarginMps;
    public double LaneChangeCancelAfterS { get; init; } = DefaultLaneChangeCancelAfterS;
    public double MinTimeBeforeLateralS { get; init; } = DefaultMinTimeBeforeLateralS;
    public double LaneChangeDurationS { get; init; } = DefaultLaneChangeDurationS;
    public double SolidBoundaryConfirmS { get; init; } = DefaultSolidBoundaryConfirmS;
    public double TargetLaneConfirmS { get; init; } = DefaultTargetLaneConfirmS;

    public double EgoFrontBumperXM { get; init; } = DefaultEgoFrontBumperXM;
    public double EgoRearBumperXM { get; init; } = DefaultEgoRearBumperXM;

    public double LateralMinSpeedMps { get; init; } = DefaultLateralMinSpeedMps;

    /// <summary>The lateral controller's options (its own defaults and rules; validated with these).</summary>
    public LateralOptions Lateral { get; init; } = new();

    /// <summary>The time gap for a setting, s, never below <see cref="MinTimeGapS"/>.</summary>
    public double TimeGapS(TimeGapSetting setting) => Math.Max(MinTimeGapS, setting switch
    {
        TimeGapSetting.Short => TimeGapShortS,
        TimeGapSetting.Long => TimeGapLongS,
        _ => TimeGapMediumS,
    });

    /// <summary>Checks every rule above; throws <see cref="ArgumentOutOfRangeException"/> naming the option, its value and the rule.</summary>
    public void Validate()
    {
        Range(TickPeriodS, 0.001, 0.1, nameof(TickPeriodS));
        Range(TimeGapShortS, MinTimeGapS, 5, nameof(TimeGapShortS));
        Range(TimeGapMediumS, MinTimeGapS, 5, nameof(TimeGapMediumS));
        Range(TimeGapLongS, MinTimeGapS, 5, nameof(TimeGapLongS));
        Range(StandstillDistanceM, 1, 10, nameof(StandstillDistanceM));
        Range(CruiseGainPerS, 0.05, 2, nameof(CruiseGainPerS));
        Range(GapGainPerS2, 0.01, 2, nameof(GapGainPerS2));
        Range(RelativeSpeedGainPerS, 0.05, 3, nameof(RelativeSpeedGainPerS));
        Range(StandstillSpeedMps, 0.01, 1, nameof(StandstillSpeedMps));
        Range(StandstillHoldAccelMps2, -3, -0.1, nameof(StandstillHoldAccelMps2));
        Range(ResumeValidityS, 0.5, 10, nameof(ResumeValidityS));
        Range(CutInIntrusionM, 0, 1, nameof(CutInIntrusionM));

        Range(EnvelopeLowSpeedMps, 0, 50, nameof(EnvelopeLowSpeedMps));
        Range(EnvelopeHighSpeedMps, EnvelopeLowSpeedMps + 1, 60, nameof(EnvelopeHighSpeedMps));
        Range(MaxDecelHighSpeedMps2, 0.5, 10, nameof(MaxDecelHighSpeedMps2));
        Range(MaxDecelLowSpeedMps2, 0.5, 10, nameof(MaxDecelLowSpeedMps2));
        Range(MaxAccelHighSpeedMps2, 0.2, 6, nameof(MaxAccelHighSpeedMps2));
        Range(MaxAccelLowSpeedMps2, 0.2, 6, nameof(MaxAccelLowSpeedMps2));
        Range(MaxJerkHighSpeedMps3, 0.2, 20, nameof(MaxJerkHighSpeedMps3));
        Range(MaxJerkLowSpeedMps3, 0.2, 20, nameof(MaxJerkLowSpeedMps3));

        Range(TakeoverDecelFraction, 0.3, 1, nameof(TakeoverDecelFraction));
        Range(TakeoverMinGapM, 0, StandstillDistanceM, nameof(TakeoverMinGapM));
        Range(TakeoverHoldS, 0, 10, nameof(TakeoverHoldS));

        Range(StaleAfterS, 0.02, 2, nameof(StaleAfterS));
        Range(FutureToleranceS, 0, 1, nameof(FutureToleranceS));
        Range(FallbackDecelMps2, 0.2, Math.Min(3, MaxDecelHighSpeedMps2), nameof(FallbackDecelMps2));
        Range(FallbackJerkMps3, 0.2, 5, nameof(FallbackJerkMps3));

        Range(LaneChangeMinSpeedMps, 0, 40, nameof(LaneChangeMinSpeedMps));
        Range(TargetLaneClearanceM, 10, 300, nameof(TargetLaneClearanceM));
        Range(MinTimeBeforeLateralS, 1, 10, nameof(MinTimeBeforeLateralS));
        Range(GapSeekAfterS, MinTimeBeforeLateralS, 30, nameof(GapSeekAfterS));
        Range(GapSeekSpeedMarginMps, 0, 10, nameof(GapSeekSpeedMarginMps));
        Range(LaneChangeCancelAfterS, GapSeekAfterS, 60, nameof(LaneChangeCancelAfterS));
        Range(LaneChangeDurationS, 2, MaxLaneChangeDurationS, nameof(LaneChangeDurationS));
        Range(SolidBoundaryConfirmS, 0, MinTimeBeforeLateralS, nameof(SolidBoundaryConfirmS));
        Range(TargetLaneConfirmS, 0, MinTimeBeforeLateralS, nameof(TargetLaneConfirmS));

        Range(EgoFrontBumperXM, 1, 8, nameof(EgoFrontBumperXM));
        Range(EgoRearBumperXM, -3, 0, nameof(EgoRearBumperXM));

        Range(LateralMinSpeedMps, 0, 40, nameof(LateralMinSpeedMps));
        if (Lateral is null)
        {
            throw new ArgumentNullException(nameof(Lateral), "planner option Lateral must be set (use new LateralOptions() for the defaults)");
        }

        Lateral.Validate();
    }

    private static void Range(double value, double min, double max, string name)
    {
        // Written so that NaN fails too.
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
                $"planner option {name} must be in {min}..{max}, got {value}"));
        }
    }
}
