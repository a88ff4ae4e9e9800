namespace Octopilot.Planner.Simulation.Perception;

/// <summary>
/// One scripted road user as it is now, in the straight road's frame (<see cref="SimulationView"/>): s along the road,
/// y left with lane 0's centre at 0. Position is the footprint centre; speeds over ground.
/// </summary>
public readonly record struct SimulatedVehicle(
    int Id, double SM, double YM, double SpeedMps, double LateralSpeedMps, double AccelMps2, double LengthM, double WidthM);
