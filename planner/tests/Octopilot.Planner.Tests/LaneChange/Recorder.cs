using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Tests.LaneChange;

/// <summary>Collects the lane-change transitions of a run as (tick, reason, new state).</summary>
internal sealed class Recorder
{
    public List<(int Tick, LaneChangeReason Reason, LaneChangeState State)> Transitions { get; } = [];

    public void Observe(int tick, PlannerOutput output)
    {
        if (output.LaneChangeTransition != LaneChangeReason.None)
        {
            Transitions.Add((tick, output.LaneChangeTransition, output.LaneChangeState));
        }
    }

    public int TickOf(LaneChangeReason reason) => Transitions.First(t => t.Reason == reason).Tick;

    public LaneChangeReason[] Reasons => [.. Transitions.Select(t => t.Reason)];
}
