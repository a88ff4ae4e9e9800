namespace Octopilot.Vehicle;

/// <summary>Speeds of the four wheels over ground, m/s, as the car reports them (no slip or tyre-radius correction).</summary>
public readonly record struct WheelSpeeds(double FrontLeftMps, double FrontRightMps, double RearLeftMps, double RearRightMps)
{
    /// <summary>Mean of the four: the vehicle speed openpilot and comma2k19's processed <c>speed</c> use.</summary>
    public double MeanMps => 0.25 * (FrontLeftMps + FrontRightMps + RearLeftMps + RearRightMps);
}
