namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// Where a traffic vehicle starts at t = 0, relative to the ego: exactly one of a bumper gap ahead (its rear end
/// ahead of the ego front bumper), a bumper gap behind (its front end behind the ego rear bumper), or its footprint
/// centre in ego x (m forward of the ego rear axle; 0 with a neighbouring lane = alongside).
/// </summary>
public sealed record TrafficPlacement(double? GapAheadM, double? GapBehindM, double? CentreXM)
{
    /// <summary>Footprint centre, m forward of the ego rear axle, for the ego geometry in <paramref name="options"/>.</summary>
    public double ToCentreXM(double lengthM, PlannerOptions options)
    {
        if (GapAheadM is double ahead)
        {
            return options.EgoFrontBumperXM + ahead + (0.5 * lengthM);
        }

        if (GapBehindM is double behind)
        {
            return options.EgoRearBumperXM - behind - (0.5 * lengthM);
        }

        return CentreXM ?? 0;
    }
}
