using Octopilot.Cameras.Synthetic;

namespace Octopilot.Host.Dataset;

/// <summary>
/// One generated scene of a dataset: a full highway scenario (road, ego, traffic), the sim time it is rendered at and
/// its lighting. Built by <see cref="SceneVariantGenerator"/> from (base scenario, seed); immutable.
/// </summary>
/// <param name="BaseScenarioFile">File name of the base scenario the variant was derived from.</param>
/// <param name="Scenario">The scene to render (already valid; it does not go through <see cref="ScenarioFile"/>).</param>
/// <param name="TimeS">Sim time the cameras render, seconds since sim start.</param>
/// <param name="TrafficDensityPerKm">Mean vehicles per lane and kilometre the traffic was drawn with.</param>
/// <param name="VehicleKinds">Kind of each vehicle (<see cref="VehicleClass.Name"/>), in scenario order.</param>
/// <param name="Lighting">Gain applied to the rendered image.</param>
internal sealed record SceneVariant(
    string BaseScenarioFile,
    HighwayScenario Scenario,
    double TimeS,
    double TrafficDensityPerKm,
    IReadOnlyList<string> VehicleKinds,
    SceneLighting Lighting)
{
    public long SimTimeNs => (long)Math.Round(TimeS * 1e9);
}
