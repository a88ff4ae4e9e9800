using Octopilot.Core.Configuration;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>
/// The lateral keys of the scenario format (curved roads, steering model, lane noise and faults, lateral expectations):
/// each reads back with its meaning and defaults; each broken rule names file, JSON path and rule.
/// </summary>
public sealed class ScenarioFileLateralTests
{
    /// <summary>A file with a slot per section; <c>{}</c>-style defaults when a slot is empty.</summary>
    private static string File(string road = "", string ego = "", string world = "", string expect = "", double durationS = 20) =>
        $$"""
        { "name": "lateral", "durationS": {{durationS.ToString(System.Globalization.CultureInfo.InvariantCulture)}},
          {{(road.Length > 0 ? $"\"road\": {{ {road} }}," : string.Empty)}}
          "ego": { "lane": 1, "speedMps": 25{{(ego.Length > 0 ? ", " + ego : string.Empty)}} },
          "driver": { "setSpeedMps": 25 },
          {{(world.Length > 0 ? $"\"world\": {{ {world} }}," : string.Empty)}}
          "expect": { {{expect}} } }
        """;

    private static Scenario Parse(string text) => ScenarioFile.Parse("lat.json", text);

    [Theory]
    [InlineData(500, 1.0 / 500)]
    [InlineData(-250, -1.0 / 250)]
    [InlineData(100, 1.0 / 100)]
    [InlineData(-100, -1.0 / 100)]
    public void Parse_CurveRadius_SignGivesCurvatureSign(double radiusM, double expectedCurvaturePerM)
    {
        Scenario s = Parse(File(road: $"\"curveRadiusM\": {radiusM}"));

        Assert.Equal(Math.Sign(radiusM), Math.Sign(s.Road.CurvaturePerM));
        Assert.Equal(expectedCurvaturePerM, s.Road.CurvaturePerM, 12);
        Assert.Equal(Math.Abs(radiusM), 1 / Math.Abs(s.Road.CurvaturePerM), 9);
    }

    [Fact]
    public void Parse_NoCurveRadius_IsStraightWithDefaultSteeringModel()
    {
        Scenario s = Parse(File());

        Assert.Equal(0, s.Road.CurvaturePerM);
        Assert.Equal(EgoSpec.DefaultSteeringLagS, s.Ego.SteeringLagS);
        Assert.Equal(KinematicBicycle.DefaultWheelbaseM, s.Ego.WheelbaseM);
        Assert.Equal(0, s.Ego.LateralOffsetM);
        Assert.Null(s.World.LaneNoise);
        Assert.True(s.Expect.LateralLimitsRespected);
        Assert.Null(s.Expect.LaneKeeping);
        Assert.Null(s.Expect.LaneChangeCentred);
    }

    [Fact]
    public void Parse_SteeringKeys_ReadBack()
    {
        Scenario s = Parse(File(ego: "\"steeringLagS\": 0.35, \"wheelbaseM\": 3.1, \"lateralOffsetM\": -0.4"));

        Assert.Equal(0.35, s.Ego.SteeringLagS);
        Assert.Equal(3.1, s.Ego.WheelbaseM);
        Assert.Equal(-0.4, s.Ego.LateralOffsetM);
    }

    [Fact]
    public void Parse_LateralOffset_BoundIsHalfTheFilesLaneWidth()
    {
        // 1.9 m is outside a 3.5 m lane (half 1.75) but inside a 4 m lane (half 2): the road is read first.
        Scenario wide = Parse(File(road: "\"laneWidthM\": 4", ego: "\"lateralOffsetM\": 1.9"));
        ConfigException narrow = Assert.Throws<ConfigException>(() => Parse(File(ego: "\"lateralOffsetM\": 1.9")));

        Assert.Equal(1.9, wide.Ego.LateralOffsetM);
        Assert.Equal("$.ego.lateralOffsetM", narrow.Field);
        Assert.Contains("< 1.75 m", narrow.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LaneNoise_ReadsSigmasAndSeed_SeedDefaultsToOne()
    {
        Scenario seeded = Parse(File(world: "\"laneNoise\": { \"c0M\": 0.05, \"c1\": 0.002, \"seed\": 8 }"));
        Scenario unseeded = Parse(File(world: "\"laneNoise\": { \"c0M\": 0.1, \"c1\": 0 }"));

        Assert.Equal(new LaneNoise(0.05, 0.002, 8), seeded.World.LaneNoise);
        Assert.Equal(new LaneNoise(0.1, 0, 1), unseeded.World.LaneNoise);
    }

    [Theory]
    [InlineData("lanesLost", WorldFaultKind.LanesLost)]
    [InlineData("nonFiniteLane", WorldFaultKind.NonFiniteLane)]
    [InlineData("laneJump", WorldFaultKind.LaneJump)]
    public void Parse_LaneFaultKinds_AreKnown(string kind, WorldFaultKind expected)
    {
        Scenario s = Parse(File(world: $"\"faults\": [ {{ \"kind\": \"{kind}\", \"fromS\": 10, \"toS\": 10.5 }} ]"));

        WorldFault fault = Assert.Single(s.World.Faults);
        Assert.Equal(expected, fault.Kind);
        Assert.Equal(10, fault.FromS);
        Assert.Equal(10.5, fault.ToS);
    }

    [Fact]
    public void Parse_EmptyLateralExpectations_TakeTheDocumentedDefaults()
    {
        Scenario s = Parse(File(expect: "\"laneKeeping\": {}, \"laneChangeCentred\": {}, \"lateralLimitsRespected\": false"));

        Assert.False(s.Expect.LateralLimitsRespected);
        Assert.Equal(new LaneKeepingExpectation(0, LaneKeepingExpectation.DefaultRmsMaxM, LaneKeepingExpectation.DefaultMaxM), s.Expect.LaneKeeping);
        Assert.Equal(new LaneChangeCentredExpectation(LaneChangeCentredExpectation.DefaultWithinS, LaneChangeCentredExpectation.DefaultToleranceM,
            LaneChangeCentredExpectation.DefaultToleranceM), s.Expect.LaneChangeCentred);
    }

    [Fact]
    public void Parse_LateralExpectations_ReadBack()
    {
        Scenario s = Parse(File(expect: """
            "laneKeeping": { "fromS": 3, "rmsMaxM": 0.1, "maxM": 0.4 },
            "laneChangeCentred": { "withinS": 6, "toleranceM": 0.2, "overshootMaxM": 0.15 }
            """));

        Assert.Equal(new LaneKeepingExpectation(3, 0.1, 0.4), s.Expect.LaneKeeping);
        Assert.Equal(new LaneChangeCentredExpectation(6, 0.2, 0.15), s.Expect.LaneChangeCentred);
    }

    [Theory]
    // road.curveRadiusM: |R| ≥ 100 m on either hand; 0 is not "straight" (omit the key).
    [InlineData("road", "\"curveRadiusM\": 99.9", "$.road.curveRadiusM", "at least 100 m")]
    [InlineData("road", "\"curveRadiusM\": -99.9", "$.road.curveRadiusM", "at least 100 m")]
    [InlineData("road", "\"curveRadiusM\": 0", "$.road.curveRadiusM", "at least 100 m")]
    [InlineData("road", "\"curveRadiusM\": \"500\"", "$.road.curveRadiusM", "must be a finite number")]
    // ego: the removed first-order lateral lag is an unknown key; steering model ranges; offset inside the lane.
    [InlineData("ego", "\"lateralLagS\": 0.2", "$.ego.lateralLagS", "is not a known key")]
    [InlineData("ego", "\"steeringLagS\": 1.5", "$.ego.steeringLagS", "must be in 0..1 s")]
    [InlineData("ego", "\"steeringLagS\": -0.1", "$.ego.steeringLagS", "must be in 0..1 s")]
    [InlineData("ego", "\"wheelbaseM\": 1", "$.ego.wheelbaseM", "must be in 1.5..6 m")]
    [InlineData("ego", "\"lateralOffsetM\": 1.75", "$.ego.lateralOffsetM", "|offset| < 1.75 m")]
    [InlineData("ego", "\"lateralOffsetM\": -1.8", "$.ego.lateralOffsetM", "|offset| < 1.75 m")]
    // world.laneNoise: σ bounds, seed ≥ 0, required sigmas, no unknown keys.
    [InlineData("world", "\"laneNoise\": { \"c0M\": 1.5, \"c1\": 0 }", "$.world.laneNoise.c0M", "must be a standard deviation in 0..1 m")]
    [InlineData("world", "\"laneNoise\": { \"c0M\": -0.1, \"c1\": 0 }", "$.world.laneNoise.c0M", "must be a standard deviation in 0..1 m")]
    [InlineData("world", "\"laneNoise\": { \"c0M\": 0.1, \"c1\": 0.2 }", "$.world.laneNoise.c1", "must be a standard deviation in 0..0.1")]
    [InlineData("world", "\"laneNoise\": { \"c0M\": 0.1, \"c1\": 0, \"seed\": -1 }", "$.world.laneNoise.seed", "must be ≥ 0")]
    [InlineData("world", "\"laneNoise\": { \"c1\": 0 }", "$.world.laneNoise.c0M", "required")]
    [InlineData("world", "\"laneNoise\": { \"c0M\": 0.1, \"c1\": 0, \"sigma\": 1 }", "$.world.laneNoise.sigma", "is not a known key")]
    [InlineData("world", "\"faults\": [ { \"kind\": \"laneLost\", \"fromS\": 1, \"toS\": 2 } ]", "$.world.faults[0].kind", "lanesLost")]
    // expect: lateral sub-objects are strict too.
    [InlineData("expect", "\"laneKeeping\": { \"rms\": 0.1 }", "$.expect.laneKeeping.rms", "is not a known key")]
    [InlineData("expect", "\"laneKeeping\": { \"maxM\": 0 }", "$.expect.laneKeeping.maxM", "must be in (0, 2] m")]
    [InlineData("expect", "\"laneKeeping\": { \"rmsMaxM\": 2.5 }", "$.expect.laneKeeping.rmsMaxM", "must be in (0, 2] m")]
    [InlineData("expect", "\"laneKeeping\": { \"fromS\": 20 }", "$.expect.laneKeeping.fromS", "must be a time in 0..durationS")]
    [InlineData("expect", "\"laneChangeCentred\": { \"tolerance\": 0.2 }", "$.expect.laneChangeCentred.tolerance", "is not a known key")]
    [InlineData("expect", "\"laneChangeCentred\": { \"withinS\": 0 }", "$.expect.laneChangeCentred.withinS", "must be in (0, 20] s")]
    [InlineData("expect", "\"laneChangeCentred\": { \"overshootMaxM\": -0.1 }", "$.expect.laneChangeCentred.overshootMaxM", "must be in 0..2 m")]
    [InlineData("expect", "\"lateralLimitsRespected\": 1", "$.expect.lateralLimitsRespected", "must be true or false")]
    public void Parse_BrokenLateralRule_NamesFileFieldAndRule(string section, string content, string field, string rule)
    {
        string text = section switch
        {
            "road" => File(road: content),
            "ego" => File(ego: content),
            "world" => File(world: content),
            _ => File(expect: content),
        };

        ConfigException e = Assert.Throws<ConfigException>(() => Parse(text));

        Assert.Equal("lat.json", e.File);
        Assert.Equal(field, e.Field);
        Assert.Contains(rule, e.Rule, StringComparison.Ordinal);
        Assert.StartsWith("lat.json: " + field, e.Message, StringComparison.Ordinal);
    }
}
