namespace Octopilot.Cameras.Synthetic;

/// <summary>Where the ego car starts and how it drives by default (lane centre, constant speed).</summary>
/// <param name="LaneIndex">Lane the ego drives in; 0 is the leftmost lane in the driving direction.</param>
/// <param name="SpeedMps">Rate of advance along the road centreline, metres of station per second, >= 0.</param>
/// <param name="StartStationM">Station (arc length along the centreline) of the ego's rear axle at t = 0.</param>
public sealed record EgoSpec(int LaneIndex, double SpeedMps, double StartStationM);
