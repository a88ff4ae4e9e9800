using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>The driver's initial settings and the timed changes to them.</summary>
public sealed record DriverScript(double SetSpeedMps, TimeGapSetting TimeGap, bool Engaged, IReadOnlyList<DriverEvent> Events);
