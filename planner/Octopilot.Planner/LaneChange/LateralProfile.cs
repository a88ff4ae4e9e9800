namespace Octopilot.Planner.LaneChange;

/// <summary>
/// The minimum-jerk (quintic) shape 10p³ − 15p⁴ + 6p⁵: 0 → 1 with zero slope and curvature at both ends, so a
/// vehicle model following it starts and ends the manoeuvre without a lateral-acceleration step. Passes 0.5 at p = 0.5.
/// </summary>
internal static class LateralProfile
{
    public static double Shape(double progress)
    {
        double p = Math.Clamp(progress, 0.0, 1.0);
        return p * p * p * (10 + (p * (-15 + (6 * p))));
    }
}
