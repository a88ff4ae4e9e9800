namespace Octopilot.Planner.Inputs;

/// <summary>Everything one planner step reads. A plain value: record it, replay it, get the same output.</summary>
public struct PlannerInputs
{
    /// <summary>Monotonic time of this tick, ns. Only used to age <see cref="World"/>; the step's own dt is the tick period.</summary>
    public long NowNs;

    public WorldModelSnapshot World;

    public VehicleState Vehicle;
}
