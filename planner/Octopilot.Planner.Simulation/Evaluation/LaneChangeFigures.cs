namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// Times of the first lane-change procedure's milestones (null: did not happen), and the rear gap at the start of
/// lateral movement. <see cref="WorstRearMarginM"/> covers every start in the run (gap − S_rear; must be ≥ 0).
/// </summary>
public sealed record LaneChangeFigures(
    double? RequestedAtS,
    double? GapSeekingAtS,
    double? StartedAtS,
    double? CompletedAtS,
    double? AbortedAtS,
    double? CancelledAtS,
    string? CancelReason,
    double? RearGapAtStartM,
    double? RearRequiredGapAtStartM,
    int Starts,
    double? WorstRearMarginM);
