namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// Everything one scenario run produced, as plain data (a CLI prints it or writes it as JSON). <see cref="Passed"/>
/// is true when every check passed.
/// </summary>
public sealed record ScenarioResult(
    string Name,
    string File,
    string Description,
    double DurationS,
    bool Passed,
    ScenarioFigures Figures,
    LaneChangeFigures LaneChange,
    LateralFigures Lateral,
    IReadOnlyList<TakeoverEvent> Takeovers,
    IReadOnlyList<CheckOutcome> Checks)
{
    /// <summary>The checks that failed (empty when passed).</summary>
    public IEnumerable<CheckOutcome> Failures => Checks.Where(c => !c.Passed);
}
