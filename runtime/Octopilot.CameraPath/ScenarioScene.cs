using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Frames;
using Octopilot.Planner.Simulation.Scenarios;
using CameraEgoSpec = Octopilot.Cameras.Synthetic.EgoSpec;
using CameraRoadSpec = Octopilot.Cameras.Synthetic.RoadSpec;

namespace Octopilot.CameraPath;

/// <summary>
/// A planner scenario as the synthetic cameras' scene: its road (straight or one curve, the same centre line) painted like a motorway (RAA/ EU rules:
/// 0.15 m lines, 3 m dashes with 9 m gaps between lanes (the German 6/12 m pattern scaled to the renderer's range),
/// 2.5 m hard shoulder), each scripted vehicle a box of its size with a height and colour by kind.
/// Motion comes from the closed loop, not from this scene (<see cref="ScenarioWorldState"/>).
/// </summary>
internal static class ScenarioScene
{
    /// <summary>Texture seed: fixed, so a scenario renders the same pixels on every run.</summary>
    public const uint Seed = 20261125;

    /// <summary>Vehicles longer than this are drawn as trucks (3.6 m high), others as cars (1.5 m), m.</summary>
    public const double TruckLengthM = 7.0;

    private static readonly Rgb24Color[] Palette =
    [
        new(196, 32, 38), new(40, 84, 200), new(232, 232, 220), new(238, 140, 24),
        new(36, 150, 70), new(70, 70, 76), new(224, 200, 40), new(120, 40, 150),
    ];

    public static HighwayScenario From(Scenario scenario)
    {
        var road = new CameraRoadSpec(
            scenario.Road.LaneCount, scenario.Road.LaneWidthM, scenario.Road.CurvaturePerM, DashLengthM: 3.0, GapLengthM: 9.0, MarkingWidthM: 0.15, ShoulderWidthM: 2.5);
        var vehicles = new List<VehicleSpec>(scenario.Traffic.Count);
        for (int i = 0; i < scenario.Traffic.Count; i++)
        {
            TrafficVehicleSpec v = scenario.Traffic[i];
            double heightM = v.LengthM > TruckLengthM ? 3.6 : 1.5;
            vehicles.Add(new VehicleSpec(v.Id, v.Lane, 0, v.SpeedMps, v.LengthM, v.WidthM, heightM, Palette[i % Palette.Length], LaneChange: null));
        }

        return new HighwayScenario(scenario.Name, Seed, road, new CameraEgoSpec(scenario.Ego.Lane, scenario.Ego.SpeedMps, StartStationM: 0), vehicles);
    }
}
