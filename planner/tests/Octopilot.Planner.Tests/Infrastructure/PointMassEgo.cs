namespace Octopilot.Planner.Tests.Infrastructure;

/// <summary>
/// The smallest vehicle model that proves the controller: a longitudinal point mass whose acceleration follows the
/// command through a first-order lag (powertrain/brake), no reverse. The real simulation comes in a later step.
/// </summary>
internal sealed class PointMassEgo(double speedMps, double lagS = 0.3)
{
    public double SpeedMps { get; private set; } = speedMps;

    public double AccelMps2 { get; private set; }

    /// <summary>Distance travelled, m.</summary>
    public double PositionM { get; private set; }

    public void Step(double commandMps2, double dtS)
    {
        AccelMps2 += (commandMps2 - AccelMps2) * (dtS / lagS);
        SpeedMps = Math.Max(0, SpeedMps + (AccelMps2 * dtS));
        if (SpeedMps == 0 && AccelMps2 < 0)
        {
            AccelMps2 = 0; // brakes hold; a stopped car does not decelerate further
        }

        PositionM += SpeedMps * dtS;
    }
}
