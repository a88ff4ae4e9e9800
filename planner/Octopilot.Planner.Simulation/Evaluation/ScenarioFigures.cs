namespace Octopilot.Planner.Simulation.Evaluation;

/// <summary>
/// What was measured in one run. Gaps are bumper to bumper to the vehicle ahead that overlaps the ego laterally; the
/// time gap is gap / ego speed while the ego moves at ≥ 1 m/s. Null: no such vehicle or event.
/// </summary>
/// <param name="PeakDecelMps2">Largest instantaneous actual deceleration (for reference; the envelope is judged on the windows).</param>
public sealed record ScenarioFigures(
    bool Collision,
    double? CollisionAtS,
    double? MinGapM,
    double? MinGapAtS,
    double? MinTimeGapS,
    double? MinTimeGapAtS,
    WindowedPeak Decel2s,
    WindowedPeak Accel2s,
    WindowedPeak Jerk1s,
    double PeakDecelMps2,
    double? StoppedAtS,
    double FinalSpeedMps,
    double? FinalGapM,
    double? SettleMaxErrorFraction);
