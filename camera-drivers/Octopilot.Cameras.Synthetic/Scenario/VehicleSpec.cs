using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic;

/// <summary>One scripted vehicle: a box that keeps its lane (or changes lane once) at constant speed.</summary>
/// <param name="Id">Object id, unique in the scenario, 1..<see cref="ScenarioFile.MaxObjectId"/>; it is the id in the labels.</param>
/// <param name="LaneIndex">Lane at t = 0; 0 is the leftmost lane in the driving direction.</param>
/// <param name="StationOffsetM">Station of the box centre relative to the ego rear axle at t = 0; ahead positive.</param>
/// <param name="SpeedMps">Rate of advance along the centreline, metres of station per second, >= 0.</param>
/// <param name="LengthM">Box length along the vehicle heading.</param>
/// <param name="WidthM">Box width.</param>
/// <param name="HeightM">Box height above the ground.</param>
/// <param name="Color">Base body colour before shading.</param>
/// <param name="LaneChange">The one lane change the vehicle makes, or null.</param>
public sealed record VehicleSpec(
    int Id,
    int LaneIndex,
    double StationOffsetM,
    double SpeedMps,
    double LengthM,
    double WidthM,
    double HeightM,
    Rgb24Color Color,
    LaneChangeSpec? LaneChange);
