namespace Octopilot.Planner.Simulation.Perception;

/// <summary>
/// One scripted road user as it is now, in road coordinates (<see cref="SimulationView.Road"/>): s along lane 0's
/// centre, y left of it. Position is the footprint centre; <see cref="SpeedMps"/> over ground along its own path,
/// <see cref="LateralSpeedMps"/> = dy/dt.
/// </summary>
public readonly record struct SimulatedVehicle(
    int Id, double SM, double YM, double SpeedMps, double LateralSpeedMps, double AccelMps2, double LengthM, double WidthM);
