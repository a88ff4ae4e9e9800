namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// A lane change ends centred: from <paramref name="WithinS"/> after lateral movement started to the end of the run,
/// the rear axle is within <paramref name="ToleranceM"/> of the target lane's centre, and at no time does it pass that
/// centre by more than <paramref name="OvershootMaxM"/> towards the far lane.
/// </summary>
public sealed record LaneChangeCentredExpectation(double WithinS, double ToleranceM, double OvershootMaxM)
{
    /// <summary>Source: the lane-change rules' 5 s for the lateral movement (UN R79 ACSF-C).</summary>
    public const double DefaultWithinS = 5;

    /// <summary>Source: issue #8 acceptance (centred within 0.3 m, no overshoot beyond 0.3 m).</summary>
    public const double DefaultToleranceM = 0.3;
}
