namespace Octopilot.Cameras.Synthetic;

/// <summary>A validated highway scenario (see <see cref="ScenarioFile"/> for the file format and the rules).</summary>
/// <param name="Name">Scenario name, for logs and reports.</param>
/// <param name="Seed">Seed of every pseudo-random detail (asphalt texture); same seed, same pixels.</param>
/// <param name="Road">The road.</param>
/// <param name="Ego">The ego car's start and default motion.</param>
/// <param name="Vehicles">The scripted vehicles, in file order (that order is the render and label order).</param>
public sealed record HighwayScenario(string Name, uint Seed, RoadSpec Road, EgoSpec Ego, IReadOnlyList<VehicleSpec> Vehicles);
