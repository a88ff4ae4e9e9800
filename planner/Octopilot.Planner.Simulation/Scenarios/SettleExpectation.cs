namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>From <paramref name="AfterS"/> to the end, |gap − (d0 + v·T)| ≤ <paramref name="ToleranceFraction"/> × (d0 + v·T).</summary>
public sealed record SettleExpectation(double AfterS, double ToleranceFraction)
{
    /// <summary>Source: issue #4 acceptance (±10 % of the desired gap).</summary>
    public const double DefaultToleranceFraction = 0.10;
}
