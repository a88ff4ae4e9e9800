using Octopilot.Planner.Inputs;

namespace Octopilot.Planner.LaneChange;

/// <summary>What the lane-change state machine needs besides the world model, resolved once per tick by the planner.</summary>
/// <param name="Request">Requested side: the explicit request, else the turn signal.</param>
/// <param name="WorldUsable">World model fresh, valid and free of input faults.</param>
internal readonly record struct LaneChangeContext(Side Request, bool Engaged, bool WorldUsable, double SpeedMps, double TimeGapS);
