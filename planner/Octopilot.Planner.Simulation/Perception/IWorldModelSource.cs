using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.Simulation.Perception;

/// <summary>
/// How the planner sees the simulated world: the seam between the closed loop's ground truth and a perception stack.
/// <see cref="GroundTruthWorldModel"/> reports the truth directly; the runtime plugs in the camera and BEV path
/// (synthetic cameras → perception → fusion → tracker) without this project knowing about cameras.
/// The closed loop calls <see cref="Observe"/> once per planner tick, on one thread, in time order, and applies the
/// scenario's injected world faults on top of what it returns.
/// </summary>
public interface IWorldModelSource
{
    /// <summary>
    /// The world model the planner gets on this tick. <paramref name="view"/> shows the simulation as it is now (before
    /// the planner steps); it is only valid during the call.
    /// </summary>
    WorldModelSnapshot Observe(SimulationView view);
}
