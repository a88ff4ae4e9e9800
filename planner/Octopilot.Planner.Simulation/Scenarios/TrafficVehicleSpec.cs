namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// A scripted road user: lane, where it starts relative to the ego, initial speed, size and its scripted actions.
/// </summary>
public sealed record TrafficVehicleSpec(
    int Id,
    int Lane,
    TrafficPlacement Start,
    double SpeedMps,
    double LengthM,
    double WidthM,
    IReadOnlyList<TrafficAction> Actions)
{
    public const double DefaultLengthM = 4.5;
    public const double DefaultWidthM = 1.8;
}
