using System.Globalization;

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>One VIDIOC_ENUM_FRAMEINTERVALS answer as frame rates: a discrete rate (Min = Max) or a range.</summary>
public readonly record struct V4l2FrameInterval(double MinFramesPerSecond, double MaxFramesPerSecond)
{
    /// <summary>Tolerance when matching a requested rate to a listed one: drivers state 30000/1001-style fractions.</summary>
    public const double RateToleranceFraction = 0.01;

    public static V4l2FrameInterval FromFraction(uint numerator, uint denominator) =>
        new(numerator == 0 ? 0 : (double)denominator / numerator, numerator == 0 ? 0 : (double)denominator / numerator);

    public bool Allows(double framesPerSecond) =>
        framesPerSecond >= MinFramesPerSecond * (1 - RateToleranceFraction) && framesPerSecond <= MaxFramesPerSecond * (1 + RateToleranceFraction);

    public override string ToString() => MinFramesPerSecond == MaxFramesPerSecond
        ? MaxFramesPerSecond.ToString("0.##", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{MinFramesPerSecond:0.##}..{MaxFramesPerSecond:0.##}");
}
