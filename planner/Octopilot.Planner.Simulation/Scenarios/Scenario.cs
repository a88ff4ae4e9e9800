namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// One closed-loop scenario as read from a file by <see cref="ScenarioFile"/>: road, ego start, driver script,
/// scripted traffic, world-model faults to inject, and what must hold. Plain immutable data.
/// </summary>
/// <param name="File">Where it came from (messages and results name it).</param>
public sealed record Scenario(
    string File,
    string Name,
    string Description,
    double DurationS,
    RoadSpec Road,
    EgoSpec Ego,
    DriverScript Driver,
    IReadOnlyList<TrafficVehicleSpec> Traffic,
    WorldScript World,
    ScenarioExpectations Expect);
