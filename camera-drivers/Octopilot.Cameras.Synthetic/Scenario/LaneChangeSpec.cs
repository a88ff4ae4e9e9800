namespace Octopilot.Cameras.Synthetic;

/// <summary>A lane change of a scripted vehicle: a smooth lateral move that starts at a sim time and lasts a duration.</summary>
/// <param name="StartS">Sim time the manoeuvre starts, seconds since sim start, >= 0.</param>
/// <param name="TargetLaneIndex">Lane the vehicle ends in; must differ from its start lane.</param>
/// <param name="DurationS">Time from start to being centred in the target lane, seconds, > 0.</param>
public sealed record LaneChangeSpec(double StartS, int TargetLaneIndex, double DurationS);
