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

    private static VehicleSpec Car(int id, int lane, double gapM, double speedMps) =>
        new(id, lane, gapM, speedMps, 4.6, 1.85, 1.5, new Rgb24Color(200, 40, 40), null);
}
