namespace Octopilot.Cameras.Synthetic;

/// <summary>A point in road coordinates: station along the centreline and lateral offset (left positive), metres.</summary>
public readonly record struct RoadPoint(double StationM, double LateralM);
