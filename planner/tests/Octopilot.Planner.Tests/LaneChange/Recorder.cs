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

    /// <summary>
    /// An observer that records the transitions, and adds to <paramref name="movedWhileHeld"/> every tick in which the
    /// car moved sideways (Changing) although <paramref name="held"/> says the start must be held.
    /// </summary>
    public Action<int, PlannerOutput> ObserveWhileHeld(Func<int, bool> held, List<int> movedWhileHeld) => (tick, output) =>
    {
        Observe(tick, output);
        if (held(tick) && output.LaneChangeState == LaneChangeState.Changing)
        {
            movedWhileHeld.Add(tick);
        }
    };

    public int TickOf(LaneChangeReason reason) => Transitions.First(t => t.Reason == reason).Tick;

    public LaneChangeReason[] Reasons => [.. Transitions.Select(t => t.Reason)];
}
