namespace Octopilot.Planner.Lateral;

/// <summary>
/// Lateral offset of a lane change over time: the minimum-jerk quintic d(t) = D·(10s³ − 15s⁴ + 6s⁵), s = t/T, with
/// zero lateral speed and acceleration at both ends. Closed-form peaks (derivation in the README):
/// <list type="bullet">
/// <item>speed d' = 30·D/T·s²(1−s)², peak 1.875·|D|/T at s = ½;</item>
/// <item>acceleration d'' = 60·D/T²·s(1−s)(1−2s), peak 10·|D|/(√3·T²) ≈ 5.774·|D|/T² at s = (3 ∓ √3)/6;</item>
/// <item>jerk d''' = 60·D/T³·(1 − 6s + 6s²), peak 60·|D|/T³ at s = 0 and 1 (−30·D/T³ at s = ½).</item>
/// </list>
/// So T_accel = √(10|D| / (√3·a)) and T_jerk = ∛(60|D| / j) are the shortest durations meeting a and j.
/// </summary>
public readonly struct QuinticLaneChangeTrajectory
{
    private static readonly double AccelPeakFactor = 10 / Math.Sqrt(3);

    public QuinticLaneChangeTrajectory(double offsetM, double durationS)
    {
        OffsetM = offsetM;
        DurationS = durationS;
    }

    /// <summary>Total lateral displacement D, m, positive left.</summary>
    public double OffsetM { get; }

    /// <summary>Duration T, s.</summary>
    public double DurationS { get; }

    /// <summary>Peak |d''| of this trajectory, m/s².</summary>
    public double PeakAccelMps2 => PeakAccelFor(OffsetM, DurationS);

    /// <summary>Peak |d'''| of this trajectory, m/s³.</summary>
    public double PeakJerkMps3 => PeakJerkFor(OffsetM, DurationS);

    /// <summary>d(t), m; clamped to 0 before the start and D after the end.</summary>
    public double OffsetAtM(double timeS)
    {
        double s = Progress(timeS);
        return OffsetM * s * s * s * (10 + (s * (-15 + (6 * s))));
    }

    /// <summary>d'(t), m/s.</summary>
    public double SpeedAtMps(double timeS)
    {
        double s = Progress(timeS);
        double u = s * (1 - s);
        return 30 * OffsetM / DurationS * u * u;
    }

    /// <summary>d''(t), m/s².</summary>
    public double AccelAtMps2(double timeS)
    {
        double s = Progress(timeS);
        return 60 * OffsetM / (DurationS * DurationS) * s * (1 - s) * (1 - (2 * s));
    }

    /// <summary>d'''(t), m/s³ (inside 0..T).</summary>
    public double JerkAtMps3(double timeS)
    {
        double s = Progress(timeS);
        return 60 * OffsetM / (DurationS * DurationS * DurationS) * (1 - (6 * s) + (6 * s * s));
    }

    /// <summary>t / T clamped to 0..1.</summary>
    public double Progress(double timeS) => Math.Clamp(timeS / DurationS, 0, 1);

    /// <summary>10·|D| / (√3·T²), m/s².</summary>
    public static double PeakAccelFor(double offsetM, double durationS) => AccelPeakFactor * Math.Abs(offsetM) / (durationS * durationS);

    /// <summary>60·|D| / T³, m/s³.</summary>
    public static double PeakJerkFor(double offsetM, double durationS) => 60 * Math.Abs(offsetM) / (durationS * durationS * durationS);

    /// <summary>
    /// The shortest trajectory that keeps the lane change's own lateral acceleration within
    /// min(<see cref="LateralOptions.LaneChangeExtraAccelMps2"/>, a_max − v²·|κ_road|) and its jerk within j_max, and lasts
    /// at least <see cref="LateralOptions.LaneChangeMinDurationS"/>. False with <see cref="LateralReason.LaneChangeRefused"/>
    /// (or <see cref="LateralReason.NonFiniteInput"/>) when the offset is outside 1..5 m, the road curvature leaves no
    /// acceleration budget, or the duration would exceed <see cref="LateralOptions.MaxLaneChangeDurationS"/>.
    /// Speed enters only through the road's v²·κ: the quintic's d'' and d''' are time derivatives of the offset.
    /// </summary>
    public static bool TryCreate(double offsetM, double roadCurvaturePerM, double speedMps, LateralOptions options,
        out QuinticLaneChangeTrajectory trajectory, out LateralReason reason)
    {
        trajectory = default;
        if (!double.IsFinite(offsetM) || !double.IsFinite(roadCurvaturePerM) || !double.IsFinite(speedMps))
        {
            reason = LateralReason.NonFiniteInput;
            return false;
        }

        double distanceM = Math.Abs(offsetM);
        double budgetMps2 = Math.Min(options.LaneChangeExtraAccelMps2,
            options.MaxLateralAccelMps2 - (speedMps * speedMps * Math.Abs(roadCurvaturePerM)));
        if (distanceM < LateralOptions.MinLaneChangeOffsetM || distanceM > LateralOptions.MaxLaneChangeOffsetM || budgetMps2 <= 0)
        {
            reason = LateralReason.LaneChangeRefused;
            return false;
        }

        double accelBoundS = Math.Sqrt(AccelPeakFactor * distanceM / budgetMps2);
        double jerkBoundS = Math.Cbrt(60 * distanceM / options.MaxLateralJerkMps3);
        double durationS = Math.Max(options.LaneChangeMinDurationS, Math.Max(accelBoundS, jerkBoundS));
        if (durationS > LateralOptions.MaxLaneChangeDurationS)
        {
            reason = LateralReason.LaneChangeRefused;
            return false;
        }

        trajectory = new QuinticLaneChangeTrajectory(offsetM, durationS);
        reason = LateralReason.None;
        return true;
    }
}
