using Octopilot.Core.Configuration;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Simulation.Scenarios;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>The scenario format: a full file reads back; every broken rule names file, field and rule.</summary>
public sealed class ScenarioFileTests
{
    private const string Minimal = """
        { "name": "n", "durationS": 10, "ego": { "lane": 1, "speedMps": 20 }, "driver": { "setSpeedMps": 20 }, "expect": {} }
        """;

    [Fact]
    public void Load_ShippedFile_ReadsEverySection()
    {
        Scenario s = ScenarioFile.Load(Suite.PathOf("lane-change-fast-approach-behind.json"));

        Assert.Equal("lane-change-fast-approach-behind", s.Name);
        Assert.Equal(2, s.Ego.Lane);
        Assert.Equal(Side.Left, s.Driver.Events[0].LaneChange);
        TrafficVehicleSpec car = Assert.Single(s.Traffic);
        Assert.Equal(40, car.Start.GapBehindM);
        Assert.Equal(30, car.Actions[0].Trigger.GapAheadOfEgoM);
        Assert.Equal(LaneChangeExpectation.Completed, s.Expect.LaneChange);
    }

    [Fact]
    public void Parse_Minimal_TakesDefaults()
    {
        Scenario s = ScenarioFile.Parse("m.json", Minimal);

        Assert.Equal(3, s.Road.LaneCount);
        Assert.Equal(TimeGapSetting.Medium, s.Driver.TimeGap);
        Assert.Equal(TakeoverExpectation.Forbidden, s.Expect.Takeover);
        Assert.True(s.Expect.NoCollision && s.Expect.EnvelopeRespected);
    }

    [Theory]
    [InlineData("\"durationS\": 10", "\"durationS\": -1", "$.durationS", "must be in (0, 600] s")]
    [InlineData("\"expect\": {}", "\"expect\": {}, \"extra\": 1", "$.extra", "is not a known key")]
    [InlineData("\"expect\": {}", "\"expect\": { \"noColision\": true }", "$.expect.noColision", "is not a known key")]
    [InlineData("\"lane\": 1", "\"lane\": 3", "$.ego.lane", "must be a lane index in 0..2")]
    [InlineData("\"speedMps\": 20 }", "\"speedMps\": 120 }", "$.ego.speedMps", "must be a speed in 0..70 m/s")]
    [InlineData("\"setSpeedMps\": 20 }", "\"setSpeedMps\": 20, \"timeGap\": \"tiny\" }", "$.driver.timeGap", "must be one of: short, medium, long")]
    [InlineData("\"expect\": {}", "\"expect\": { \"takeoverByS\": 2 }", "$.expect.takeoverByS", "only allowed with \"takeover\": \"expected\"")]
    [InlineData("\"name\": \"n\"", "\"name\": 5", "$.name", "must be a string")]
    public void Parse_BrokenRule_NamesFileFieldAndRule(string find, string replace, string field, string rule)
    {
        ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.Parse("bad.json", Minimal.Replace(find, replace, StringComparison.Ordinal)));

        Assert.Equal("bad.json", e.File);
        Assert.Equal(field, e.Field);
        Assert.Contains(rule, e.Rule, StringComparison.Ordinal);
        Assert.StartsWith("bad.json: " + field, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrafficWithTwoPlacements_NamesTheVehicle()
    {
        string text = Minimal.Replace("\"expect\": {}", """
            "traffic": [ { "id": 1, "lane": 1, "gapAheadM": 30, "xM": 5, "speedMps": 20 } ], "expect": {}
            """, StringComparison.Ordinal);

        ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.Parse("t.json", text));

        Assert.Equal("$.traffic[0]", e.Field);
        Assert.Contains("exactly one of gapAheadM, gapBehindM, xM", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ActionWithUnknownEgoState_ListsTheStates()
    {
        string text = Minimal.Replace("\"expect\": {}", """
            "traffic": [ { "id": 1, "lane": 0, "gapAheadM": 10, "speedMps": 20,
                           "actions": [ { "whenEgoLaneChange": "moving", "toLane": 1 } ] } ], "expect": {}
            """, StringComparison.Ordinal);

        ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.Parse("t.json", text));

        Assert.Equal("$.traffic[0].actions[0].whenEgoLaneChange", e.Field);
        Assert.Contains(nameof(LaneChangeState.WaitingForGap).Replace("W", "w", StringComparison.Ordinal), e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SpeedWithoutAccel_IsRejected()
    {
        string text = Minimal.Replace("\"expect\": {}", """
            "traffic": [ { "id": 1, "lane": 1, "gapAheadM": 10, "speedMps": 20, "actions": [ { "atS": 1, "speedMps": 0 } ] } ], "expect": {}
            """, StringComparison.Ordinal);

        ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.Parse("t.json", text));

        Assert.Equal("$.traffic[0].actions[0].accelMps2", e.Field);
        Assert.Contains("is required with speedMps", e.Rule, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_SyntaxError_NamesFileAndLine()
    {
        string path = Path.Combine(Path.GetTempPath(), $"octopilot-bad-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, "{\n  \"name\": \"x\",\n  oops\n}");
        try
        {
            ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.Load(path));

            Assert.Equal(path, e.File);
            Assert.Equal(3, e.Line);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
