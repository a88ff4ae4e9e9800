namespace Octopilot.Planner.Acc;

/// <summary>
/// The ISO 15622 speed-dependent comfort envelope: limits at and below the low speed, at and above the high speed,
/// linear interpolation between. All results are positive magnitudes.
/// </summary>
public static class AccEnvelope
{
    /// <summary>Max deceleration magnitude at <paramref name="speedMps"/>, m/s².</summary>
    public static double MaxDecelMps2(double speedMps, PlannerOptions options) =>
        Interpolate(speedMps, options, options.MaxDecelLowSpeedMps2, options.MaxDecelHighSpeedMps2);

    /// <summary>Max acceleration at <paramref name="speedMps"/>, m/s².</summary>
    public static double MaxAccelMps2(double speedMps, PlannerOptions options) =>
        Interpolate(speedMps, options, options.MaxAccelLowSpeedMps2, options.MaxAccelHighSpeedMps2);

    /// <summary>Max jerk magnitude at <paramref name="speedMps"/>, m/s³.</summary>
    public static double MaxJerkMps3(double speedMps, PlannerOptions options) =>
        Interpolate(speedMps, options, options.MaxJerkLowSpeedMps3, options.MaxJerkHighSpeedMps3);

    private static double Interpolate(double speedMps, PlannerOptions options, double atLow, double atHigh)
    {
        double t = (speedMps - options.EnvelopeLowSpeedMps) / (options.EnvelopeHighSpeedMps - options.EnvelopeLowSpeedMps);
        t = Math.Clamp(t, 0.0, 1.0);
        return atLow + ((atHigh - atLow) * t);
    }
}
