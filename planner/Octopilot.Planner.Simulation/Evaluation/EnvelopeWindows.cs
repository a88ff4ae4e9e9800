using Octopilot.Planner.Acc;

namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// ISO 15622 envelope on the ego's actual motion, over the standard's averaging windows: acceleration and
/// deceleration as 2 s moving averages (Δv over 2 s / 2 s), jerk as a 1 s moving average (Δa over 1 s / 1 s).
/// The limit of a window is the mean of the speed-dependent limit over the samples in it, i.e. the same averaging
/// applied to both sides, so a controller that respects the limit at every instant also respects it here.
/// </summary>
public static class EnvelopeWindows
{
    /// <summary>Averaging window for acceleration and deceleration, s. Source: ISO 15622.</summary>
    public const double AccelWindowS = 2.0;

    /// <summary>Averaging window for jerk, s. Source: ISO 15622.</summary>
    public const double JerkWindowS = 1.0;

    /// <summary>Relative slack for floating-point round-off only (1e-6), not a comfort allowance.</summary>
    public const double ToleranceFraction = 1e-6;

    /// <summary>Worst 2 s average deceleration (positive magnitude).</summary>
    public static WindowedPeak Deceleration(ReadOnlySpan<double> speedMps, double tickS, PlannerOptions options) =>
        Evaluate(speedMps, speedMps, tickS, AccelWindowS, static (first, last, windowS) => (first - last) / windowS,
            v => AccEnvelope.MaxDecelMps2(v, options));

    /// <summary>Worst 2 s average acceleration.</summary>
    public static WindowedPeak Acceleration(ReadOnlySpan<double> speedMps, double tickS, PlannerOptions options) =>
        Evaluate(speedMps, speedMps, tickS, AccelWindowS, static (first, last, windowS) => (last - first) / windowS,
            v => AccEnvelope.MaxAccelMps2(v, options));

    /// <summary>Worst 1 s average jerk magnitude, from the actual acceleration.</summary>
    public static WindowedPeak Jerk(ReadOnlySpan<double> speedMps, ReadOnlySpan<double> accelMps2, double tickS, PlannerOptions options) =>
        Evaluate(accelMps2, speedMps, tickS, JerkWindowS, static (first, last, windowS) => Math.Abs(last - first) / windowS,
            v => AccEnvelope.MaxJerkMps3(v, options));

    private static WindowedPeak Evaluate(ReadOnlySpan<double> signal, ReadOnlySpan<double> speedMps, double tickS, double windowS,
        Func<double, double, double, double> windowValue, Func<double, double> limitAtSpeed)
    {
        int n = (int)Math.Round(windowS / tickS);
        if (signal.Length <= n)
        {
            return default;
        }

        // Running sum of the limit over the n + 1 samples of the window [i − n, i].
        double limitSum = 0;
        for (int k = 0; k <= n; k++)
        {
            limitSum += limitAtSpeed(speedMps[k]);
        }

        WindowedPeak peak = default; // 0 when the quantity never goes positive (e.g. no deceleration at all)
        for (int i = n; i < signal.Length; i++)
        {
            if (i > n)
            {
                limitSum += limitAtSpeed(speedMps[i]) - limitAtSpeed(speedMps[i - n - 1]);
            }

            double value = windowValue(signal[i - n], signal[i], n * tickS);
            double limit = limitSum / (n + 1);
            double atS = i * tickS;
            if (value > peak.MaxValue)
            {
                peak = peak with { MaxValue = value, MaxValueAtS = atS, LimitAtMaxValue = limit };
            }

            if (value / limit > peak.MaxFractionOfLimit)
            {
                peak = peak with { MaxFractionOfLimit = value / limit, MaxFractionAtS = atS };
            }
        }

        return peak;
    }
}
