namespace Octopilot.Planner.Acc;

/// <summary>Rate limit on the acceleration command: one tick may move it by at most jerk·dt.</summary>
internal static class JerkLimiter
{
    public static double Limit(double previousMps2, double desiredMps2, double maxJerkMps3, double dtS)
    {
        double maxStepMps2 = maxJerkMps3 * dtS;
        return previousMps2 + Math.Clamp(desiredMps2 - previousMps2, -maxStepMps2, maxStepMps2);
    }
}
