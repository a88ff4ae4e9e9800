using System.Globalization;

namespace Octopilot.Planner.Lateral;

/// <summary>
/// Every tunable number of the lateral controller. Immutable; call <see cref="Validate"/> once before stepping.
/// Each default is a named constant whose doc gives unit, range and source.
/// </summary>
public sealed record LateralOptions
{
    // ---- Law (pure pursuit) -----------------------------------------------------------------------------------------

    /// <summary>Look-ahead time, s: look-ahead = v · preview. Range 0.3..3. Source: closed-loop tests; pure pursuit
    /// with look-ahead v·T_p is a 2nd-order loop with ω = √2/T_p, ζ = 0.71 (1 s: ω = 1.4 rad/s, well clear of the
    /// 0.2 s steering lag).</summary>
    public const double DefaultPreviewTimeS = 1.0;

    /// <summary>Shortest look-ahead, m. Range 2..50. Source: below ≈ 30 km/h the preview would shrink under the
    /// lane-width scale and the loop gets twitchy.</summary>
    public const double DefaultMinLookAheadM = 8.0;

    /// <summary>Longest look-ahead, m. Range MinLookAheadM..150. Source: fitted lanes are trusted to ≈ 60 m.</summary>
    public const double DefaultMaxLookAheadM = 60.0;

    // ---- Limits (ISO 11270 LKAS) ------------------------------------------------------------------------------------

    /// <summary>Max lateral acceleration v²·κ, m/s². Range 0.5..5. Source: ISO 11270 (LKAS) 3 m/s².</summary>
    public const double DefaultMaxLateralAccelMps2 = 3.0;

    /// <summary>Max lateral jerk v²·dκ/dt, m/s³. Range 0.5..10. Source: ISO 11270 (LKAS) 5 m/s³.</summary>
    public const double DefaultMaxLateralJerkMps3 = 5.0;

    /// <summary>Absolute curvature bound, 1/m (R = 5 m ≈ steering end-stop of a 2.8 m wheelbase car). Range 0.01..0.5.</summary>
    public const double DefaultMaxCurvaturePerM = 0.2;

    /// <summary>Absolute curvature-rate bound, 1/m/s (caps j/v² at low speed). Range 0.001..1. Source: ≈ 0.28 rad/s
    /// road-wheel rate on a 2.8 m wheelbase; product choice.</summary>
    public const double DefaultMaxCurvatureRatePerMS = 0.1;

    /// <summary>Speed floor for the speed-dependent limits, m/s (a_max/v² and j/v² stay finite). Range 0.5..10.</summary>
    public const double DefaultLimitSpeedFloorMps = 2.0;

    // ---- Validity ---------------------------------------------------------------------------------------------------

    /// <summary>Minimum centre-line confidence, 0..1. Source: product choice against LaneEstimate.Confidence (one
    /// inferred boundary alone already halves it).</summary>
    public const double DefaultMinConfidence = 0.4;

    /// <summary>World model older than this is stale, s. Range 0.02..2. Source: same as PlannerOptions.DefaultStaleAfterS.</summary>
    public const double DefaultStaleAfterS = 0.2;

    /// <summary>How long the last good path is tracked after the inputs go bad, s. Range 0.1..2. Source: issue #8
    /// (0.5–1 s); 1 s bridges a dashed-line gap at 130 km/h.</summary>
    public const double DefaultHoldS = 1.0;

    /// <summary>Largest move of the centre line at the look-ahead point between two ticks, m. Range 0.1..2. Source: a
    /// real centre line moves ≈ v·dt·slope ≈ centimetres per 10 ms tick; fit noise is ≈ 0.1 m; a lane mix-up is ≈ 3.5 m.</summary>
    public const double DefaultMaxJumpM = 0.5;

    /// <summary>Time the curvature may stay clamped at κ_max(v) before a takeover request, s. Range 0.1..5.</summary>
    public const double DefaultCurvatureLimitedTakeoverS = 1.0;

    // ---- Lane change ------------------------------------------------------------------------------------------------

    /// <summary>Lateral acceleration the lane change may add on top of the road's own v²·κ, m/s². Range 0.2..3.
    /// Source: UN R79 ACSF category C lane change (≤ 1 m/s² in addition to the curvature's).</summary>
    public const double DefaultLaneChangeExtraAccelMps2 = 1.0;

    /// <summary>Shortest lane-change duration, s. Range 1..5. Source: product choice (comfort).</summary>
    public const double DefaultLaneChangeMinDurationS = 3.0;

    /// <summary>A lane change's lateral movement completes within this, s. Not an option. Source: UN R79 / issue #4.</summary>
    public const double MaxLaneChangeDurationS = 5.0;

    /// <summary>Smallest / largest lane-change offset accepted, m. Not options. Source: lane widths 2.5..4.5 m plus margin.</summary>
    public const double MinLaneChangeOffsetM = 1.0;

    /// <inheritdoc cref="MinLaneChangeOffsetM"/>
    public const double MaxLaneChangeOffsetM = 5.0;

    public double PreviewTimeS { get; init; } = DefaultPreviewTimeS;
    public double MinLookAheadM { get; init; } = DefaultMinLookAheadM;
    public double MaxLookAheadM { get; init; } = DefaultMaxLookAheadM;
    public double MaxLateralAccelMps2 { get; init; } = DefaultMaxLateralAccelMps2;
    public double MaxLateralJerkMps3 { get; init; } = DefaultMaxLateralJerkMps3;
    public double MaxCurvaturePerM { get; init; } = DefaultMaxCurvaturePerM;
    public double MaxCurvatureRatePerMS { get; init; } = DefaultMaxCurvatureRatePerMS;
    public double LimitSpeedFloorMps { get; init; } = DefaultLimitSpeedFloorMps;
    public double MinConfidence { get; init; } = DefaultMinConfidence;
    public double StaleAfterS { get; init; } = DefaultStaleAfterS;
    public double HoldS { get; init; } = DefaultHoldS;
    public double MaxJumpM { get; init; } = DefaultMaxJumpM;
    public double CurvatureLimitedTakeoverS { get; init; } = DefaultCurvatureLimitedTakeoverS;
    public double LaneChangeExtraAccelMps2 { get; init; } = DefaultLaneChangeExtraAccelMps2;
    public double LaneChangeMinDurationS { get; init; } = DefaultLaneChangeMinDurationS;

    /// <summary>Look-ahead at a speed, m: clamp(v·preview, min, max).</summary>
    public double LookAheadM(double speedMps) => Math.Clamp(speedMps * PreviewTimeS, MinLookAheadM, MaxLookAheadM);

    /// <summary>Speed-dependent curvature bound, 1/m: min(a_max / v², κ_abs) (v floored at <see cref="LimitSpeedFloorMps"/>).</summary>
    public double MaxCurvatureAtPerM(double speedMps)
    {
        double v = Math.Max(speedMps, LimitSpeedFloorMps);
        return Math.Min(MaxLateralAccelMps2 / (v * v), MaxCurvaturePerM);
    }

    /// <summary>Curvature-rate bound derived from the jerk limit, 1/m/s: min(j_max / v², κ̇_abs). (At constant speed
    /// the lateral jerk is v²·dκ/dt.)</summary>
    public double MaxCurvatureRateAtPerMS(double speedMps)
    {
        double v = Math.Max(speedMps, LimitSpeedFloorMps);
        return Math.Min(MaxLateralJerkMps3 / (v * v), MaxCurvatureRatePerMS);
    }

    /// <summary>Checks every rule above; throws <see cref="ArgumentOutOfRangeException"/> naming the option, its value and the rule.</summary>
    public void Validate()
    {
        Range(PreviewTimeS, 0.3, 3, nameof(PreviewTimeS));
        Range(MinLookAheadM, 2, 50, nameof(MinLookAheadM));
        Range(MaxLookAheadM, MinLookAheadM, 150, nameof(MaxLookAheadM));
        Range(MaxLateralAccelMps2, 0.5, 5, nameof(MaxLateralAccelMps2));
        Range(MaxLateralJerkMps3, 0.5, 10, nameof(MaxLateralJerkMps3));
        Range(MaxCurvaturePerM, 0.01, 0.5, nameof(MaxCurvaturePerM));
        Range(MaxCurvatureRatePerMS, 0.001, 1, nameof(MaxCurvatureRatePerMS));
        Range(LimitSpeedFloorMps, 0.5, 10, nameof(LimitSpeedFloorMps));
        Range(MinConfidence, 0, 1, nameof(MinConfidence));
        Range(StaleAfterS, 0.02, 2, nameof(StaleAfterS));
        Range(HoldS, 0.1, 2, nameof(HoldS));
        Range(MaxJumpM, 0.1, 2, nameof(MaxJumpM));
        Range(CurvatureLimitedTakeoverS, 0.1, 5, nameof(CurvatureLimitedTakeoverS));
        Range(LaneChangeExtraAccelMps2, 0.2, MaxLateralAccelMps2, nameof(LaneChangeExtraAccelMps2));
        Range(LaneChangeMinDurationS, 1, MaxLaneChangeDurationS, nameof(LaneChangeMinDurationS));
    }

    private static void Range(double value, double min, double max, string name)
    {
        // Written so that NaN fails too.
        if (!(value >= min && value <= max))
        {
            throw new ArgumentOutOfRangeException(name, value, string.Create(CultureInfo.InvariantCulture,
                $"lateral option {name} must be in {min}..{max}, got {value}"));
        }
    }
}
