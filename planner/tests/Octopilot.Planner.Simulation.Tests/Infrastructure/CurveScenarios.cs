using System.Globalization;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Tests.Infrastructure;

/// <summary>Small scenario files written inline for the lateral closed-loop tests (3 lanes of 3.5 m unless told).</summary>
internal static class CurveScenarios
{
    public const double LaneWidthM = 3.5;

    public const int LaneCount = 3;

    /// <summary>Signed radius of lane <paramref name="lane"/>'s centre on a road whose centre line has radius
    /// <paramref name="centreRadiusM"/> (lane 1 of 3 is the centre line; left lanes are inside a left curve).</summary>
    public static double LaneRadiusM(double centreRadiusM, int lane) =>
        centreRadiusM - (((LaneCount - 1) * LaneWidthM / 2) - (lane * LaneWidthM));

    /// <summary>
    /// The ego in <paramref name="egoLane"/> at <paramref name="speedMps"/> (= set speed), one car in
    /// <paramref name="carLane"/> <paramref name="gapAheadM"/> ahead at <paramref name="carSpeedMps"/>.
    /// <paramref name="radiusM"/> null: straight road.
    /// </summary>
    public static Scenario Follow(double? radiusM, int egoLane, int carLane, double gapAheadM, double carSpeedMps,
        double speedMps = 25, double durationS = 30) =>
        ScenarioFile.Parse("follow-curve.json", $$"""
            { "name": "follow-curve", "durationS": {{N(durationS)}},
              "road": { "laneCount": {{LaneCount}}, "laneWidthM": {{N(LaneWidthM)}}{{Radius(radiusM)}} },
              "ego": { "lane": {{egoLane}}, "speedMps": {{N(speedMps)}} },
              "driver": { "setSpeedMps": {{N(speedMps)}} },
              "traffic": [ { "id": 7, "lane": {{carLane}}, "gapAheadM": {{N(gapAheadM)}}, "speedMps": {{N(carSpeedMps)}} } ],
              "expect": { "takeover": "any" } }
            """);

    /// <summary>The ego alone in lane 1, starting <paramref name="offsetM"/> off centre; optional extra JSON members for
    /// the driver and world objects and for expect.</summary>
    public static Scenario Alone(double? radiusM, double speedMps, double offsetM = 0, double durationS = 20, string driver = "",
        string world = "", string expect = "") =>
        ScenarioFile.Parse("alone-curve.json", $$"""
            { "name": "alone-curve", "durationS": {{N(durationS)}},
              "road": { "laneCount": {{LaneCount}}, "laneWidthM": {{N(LaneWidthM)}}{{Radius(radiusM)}} },
              "ego": { "lane": 1, "speedMps": {{N(speedMps)}}, "lateralOffsetM": {{N(offsetM)}} },
              "driver": { "setSpeedMps": {{N(speedMps)}}{{(driver.Length > 0 ? ", " + driver : string.Empty)}} },
              "world": { {{world}} },
              "expect": { {{expect}} } }
            """);

    private static string Radius(double? radiusM) => radiusM is double r ? $", \"curveRadiusM\": {N(r)}" : string.Empty;

    private static string N(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
