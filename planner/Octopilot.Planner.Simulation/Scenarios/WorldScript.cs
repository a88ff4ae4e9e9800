namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>How the ground-truth world model is produced: sensor range and faults to inject.</summary>
/// <param name="SensorRangeM">Objects farther than this (ahead or behind) are not reported.</param>
/// <param name="LaneNoise">Noise on the ego centre line; null: exact.</param>
public sealed record WorldScript(double SensorRangeM, IReadOnlyList<WorldFault> Faults, LaneNoise? LaneNoise = null)
{
    /// <summary>Long-range camera/radar reach, m. Source: product assumption for the forward cameras (≈ 200 m).</summary>
    public const double DefaultSensorRangeM = 200.0;
}
