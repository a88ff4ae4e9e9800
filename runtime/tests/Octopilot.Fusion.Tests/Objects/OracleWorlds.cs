using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Frames;
using Octopilot.Testing;

namespace Octopilot.Fusion.Tests.Objects;

/// <summary>Highway worlds for the object tests: the default scenario and variants of it.</summary>
internal static class OracleWorlds
{
    public static HighwayScenario Default => ScenarioFile.Load(RepositoryPaths.DefaultScenario);

    public static HighwayWorld DefaultWorld() => new(Default);

    /// <summary>The default road, one car per lane (left, ego, right) with its box centre <paramref name="gapM"/> ahead, all at the ego's speed.</summary>
    public static HighwayWorld LeadsAt(double gapM)
    {
        HighwayScenario scenario = Default;
        VehicleSpec[] vehicles =
        [
            Car(1, 0, gapM, scenario.Ego.SpeedMps),
            Car(2, 1, gapM, scenario.Ego.SpeedMps),
            Car(3, 2, gapM, scenario.Ego.SpeedMps),
        ];
        return new HighwayWorld(scenario with { Vehicles = vehicles });
    }

    /// <summary>The default scenario on a straight road (curvature 0), so relative speed is exactly vehicle − ego speed.</summary>
    public static HighwayWorld StraightDefault()
    {
        HighwayScenario scenario = Default;
        return new HighwayWorld(scenario with { Road = scenario.Road with { CurvaturePerM = 0 } });
    }

    /// <summary>Lane width of <see cref="Alongside"/>'s straight road, m.</summary>
    public const double AlongsideLaneWidthM = 3.5;

    /// <summary>
    /// One 4.5 x 1.8 x 1.5 m car in lane <paramref name="lane"/> (0 = left, 2 = right) with its footprint centre
    /// <paramref name="xM"/> ahead of the ego rear axle, at the ego's speed, on a straight road of 3 lanes of
    /// <see cref="AlongsideLaneWidthM"/> with the ego in lane 1: the car alongside the ego that border-cut boxes put in the ego lane.
    /// </summary>
    public static HighwayWorld Alongside(int lane, double xM)
    {
        HighwayScenario scenario = Default;
        double speedMps = scenario.Ego.SpeedMps;
        VehicleSpec car = new(1, lane, xM, speedMps, 4.5, 1.8, 1.5, new Rgb24Color(40, 84, 200), null);
        return new HighwayWorld(scenario with
        {
            Road = scenario.Road with { CurvaturePerM = 0, LaneCount = 3, LaneWidthM = AlongsideLaneWidthM },
            Ego = scenario.Ego with { LaneIndex = 1 },
            Vehicles = [car],
        });
    }

    private static VehicleSpec Car(int id, int lane, double gapM, double speedMps) =>
        new(id, lane, gapM, speedMps, 4.6, 1.85, 1.5, new Rgb24Color(200, 40, 40), null);
}
