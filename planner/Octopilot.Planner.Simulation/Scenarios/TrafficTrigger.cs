using Octopilot.Planner.LaneChange;

namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// When a <see cref="TrafficAction"/> fires: exactly one of
/// <list type="bullet">
/// <item><see cref="AtS"/>: at a scenario time;</item>
/// <item><see cref="GapAheadOfEgoM"/>: when the longitudinal gap from the ego front bumper to this vehicle's rear end
/// (whatever lane) is between 0 and this — the vehicle is ahead; a cut-in "at a given gap";</item>
/// <item><see cref="EgoLaneChangeState"/>: on the first tick the planner reports this lane-change state (e.g. a car
/// merging into the target gap once the ego starts to move over).</item>
/// </list>
/// </summary>
public sealed record TrafficTrigger(double? AtS, double? GapAheadOfEgoM, LaneChangeState? EgoLaneChangeState);
