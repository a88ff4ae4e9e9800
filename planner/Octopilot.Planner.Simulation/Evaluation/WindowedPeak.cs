namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// The worst window of one windowed quantity (2 s average deceleration or acceleration, 1 s average jerk) against the
/// ISO 15622 envelope. Times are window ends. <see cref="MaxFractionOfLimit"/> &gt; 1 means the envelope was exceeded.
/// </summary>
public readonly record struct WindowedPeak(
    double MaxValue,
    double MaxValueAtS,
    double LimitAtMaxValue,
    double MaxFractionOfLimit,
    double MaxFractionAtS)
{
    public bool WithinLimit => MaxFractionOfLimit <= 1.0 + EnvelopeWindows.ToleranceFraction;
}
