namespace Octopilot.Planner.Acc;

/// <summary>What distance keep wants this tick, before the jerk limit and the envelope clamp.</summary>
internal readonly record struct AccDemand(double DesiredAccelMps2, double DesiredGapM, double TakeoverRequiredDecelMps2, bool Following);
