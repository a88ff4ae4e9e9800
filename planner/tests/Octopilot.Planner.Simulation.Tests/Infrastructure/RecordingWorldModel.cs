using Octopilot.Planner.Inputs;
using Octopilot.Planner.Simulation.Perception;

namespace Octopilot.Planner.Simulation.Tests.Infrastructure;

/// <summary>
/// The ground-truth world model, unchanged, with every snapshot it hands the closed loop kept (before the loop applies
/// injected faults) together with the ego's true road position at that tick, for tests that judge what the planner was told.
/// </summary>
internal sealed class RecordingWorldModel : IWorldModelSource
{
    private readonly GroundTruthWorldModel _truth = new();

    public List<Observation> Observations { get; } = [];

    public WorldModelSnapshot Observe(SimulationView view)
    {
        WorldModelSnapshot world = _truth.Observe(view);
        Observations.Add(new Observation(view.TimeS, view.EgoSM, view.EgoYM, world));
        return world;
    }

    /// <summary>One tick: time, the ego rear axle in road coordinates, and the snapshot as produced.</summary>
    internal readonly record struct Observation(double TimeS, double EgoSM, double EgoYM, WorldModelSnapshot World);
}
