namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// Gaussian white noise added to the ego centre line on every tick, as a lane fitter's frame-to-frame jitter: offset
/// c0 with <paramref name="C0M"/> (σ, m), heading c1 with <paramref name="C1"/> (σ, slope). Drawn from a generator
/// seeded with <paramref name="Seed"/>, so a run is repeatable.
/// </summary>
public sealed record LaneNoise(double C0M, double C1, int Seed);
