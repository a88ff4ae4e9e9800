namespace Octopilot.Planner.LaneChange;

/// <summary>One row of <see cref="LaneChangeTransitions"/>.</summary>
public readonly record struct LaneChangeTransition(LaneChangeState From, LaneChangeReason Reason, LaneChangeState To);
