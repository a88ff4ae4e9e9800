using Octopilot.Cameras.Synthetic.Tests.Infrastructure;
using Octopilot.Core.Configuration;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.Synthetic.Tests;

/// <summary>The scenario reader accepts the default file and refuses every broken rule with file, field and rule named.</summary>
public class ScenarioFileTests
{
    private const string File = "bad-scenario.json";

    private const string Valid = """
        { "seed": 1,
          "road": { "laneCount": 3, "laneWidthM": 3.6, "curvaturePerM": 0.0004, "dashLengthM": 3, "gapLengthM": 9, "markingWidthM": 0.15, "shoulderWidthM": 2 },
          "ego": { "laneIndex": 1, "speedMps": 27, "startStationM": 0 },
          "vehicles": [
            { "id": 1, "laneIndex": 1, "stationOffsetM": 30, "speedMps": 25, "lengthM": 4.6, "widthM": 1.8, "heightM": 1.5, "color": [200, 30, 30] },
            { "id": 2, "laneIndex": 2, "stationOffsetM": 8, "speedMps": 28, "lengthM": 4.4, "widthM": 1.8, "heightM": 1.5, "color": [230, 140, 20],
              "laneChange": { "startS": 3, "targetLaneIndex": 1, "durationS": 3 } } ] }
        """;

    [Fact]
    public void Load_DefaultScenarioFile_ThreeLanesEgoInMiddleTrafficAroundAndOneCutIn()
    {
        HighwayScenario s = ScenarioFile.Load(TestFiles.ScenarioPath);

        Assert.Equal(3, s.Road.LaneCount);
        Assert.Equal(1, s.Ego.LaneIndex);
        Assert.Contains(s.Vehicles, v => v.StationOffsetM > 0);
        Assert.Contains(s.Vehicles, v => v.StationOffsetM < 0);
        Assert.Contains(s.Vehicles, v => v.LaneChange?.TargetLaneIndex == s.Ego.LaneIndex);
        Assert.Contains(s.Vehicles, v => v.SpeedMps > s.Ego.SpeedMps);
        Assert.Contains(s.Vehicles, v => v.SpeedMps < s.Ego.SpeedMps);
    }

    [Fact]
    public void LoadText_ValidScenario_ReadsEveryField()
    {
        HighwayScenario s = ScenarioFile.LoadText(File, Valid);

        Assert.Equal(1u, s.Seed);
        Assert.Equal(new RoadSpec(3, 3.6, 0.0004, 3, 9, 0.15, 2), s.Road);
        Assert.Equal(new EgoSpec(1, 27, 0), s.Ego);
        Assert.Equal(new Rgb24Color(200, 30, 30), s.Vehicles[0].Color);
        Assert.Equal(new LaneChangeSpec(3, 1, 3), s.Vehicles[1].LaneChange);
    }

    [Theory]
    [InlineData("\"seed\": 1,", "\"seed\": 1, \"sede\": 2,", "$.sede", "is not a known key")]
    [InlineData("\"laneWidthM\": 3.6,", "\"laneWidthM\": 3.6, \"speedLimit\": 3,", "$.road.speedLimit", "is not a known key")]
    [InlineData("\"ego\": { \"laneIndex\": 1", "\"ego\": { \"laneIndex\": 3", "$.ego.laneIndex", "lane inside the road")]
    [InlineData("\"id\": 1, \"laneIndex\": 1", "\"id\": 1, \"laneIndex\": -1", "$.vehicles[0].laneIndex", "lane inside the road")]
    [InlineData("\"lengthM\": 4.6", "\"lengthM\": 0", "$.vehicles[0].lengthM", "must be a box length in (0, 30] m")]
    [InlineData("\"heightM\": 1.5, \"color\": [200", "\"heightM\": -1.5, \"color\": [200", "$.vehicles[0].heightM", "must be a box height")]
    [InlineData("\"speedMps\": 25", "\"speedMps\": -3", "$.vehicles[0].speedMps", "must be a speed in 0..70 m/s")]
    [InlineData("\"laneCount\": 3", "\"laneCount\": 0", "$.road.laneCount", "must be a whole number in 1..8")]
    [InlineData("\"markingWidthM\": 0.15", "\"markingWidthM\": 2", "$.road.markingWidthM", "laneWidthM / 4")]
    [InlineData("\"curvaturePerM\": 0.0004", "\"curvaturePerM\": 0.05", "$.road.curvaturePerM", "radius >= 100 m")]
    [InlineData("\"targetLaneIndex\": 1", "\"targetLaneIndex\": 2", "$.vehicles[1].laneChange.targetLaneIndex", "must differ from the vehicle's laneIndex")]
    [InlineData("\"targetLaneIndex\": 1", "\"targetLaneIndex\": 5", "$.vehicles[1].laneChange.targetLaneIndex", "lane inside the road")]
    [InlineData("\"durationS\": 3", "\"durationS\": 0", "$.vehicles[1].laneChange.durationS", "must be a duration in (0, 30] s")]
    [InlineData("\"id\": 2", "\"id\": 1", "$.vehicles[1].id", "must be unique in the scenario")]
    [InlineData("[200, 30, 30]", "[200, 30, 300]", "$.vehicles[0].color", "whole numbers in 0..255")]
    [InlineData("\"stationOffsetM\": 30", "\"stationOffsetM\": 2", "$.vehicles[0].stationOffsetM", "must not overlap the ego body")]
    [InlineData("\"seed\": 1,", "", "$.seed", "is required")]
    public void LoadText_BrokenRule_ConfigExceptionNamesFileFieldAndRule(string find, string replace, string field, string rule)
    {
        string json = Valid.Replace(find, replace);
        Assert.NotEqual(Valid, json);

        ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.LoadText(File, json));

        Assert.Equal(File, e.File);
        Assert.Equal(field, e.Field);
        Assert.Contains(rule, e.Rule);
        Assert.Contains(File, e.Message);
        Assert.Contains(field, e.Message);
    }

    [Fact]
    public void LoadText_LaneChangeOfStoppedVehicle_RefusedNamingSpeed()
    {
        string json = Valid.Replace("\"speedMps\": 28", "\"speedMps\": 0");

        ConfigException e = Assert.Throws<ConfigException>(() => ScenarioFile.LoadText(File, json));

        Assert.Equal("$.vehicles[1].laneChange", e.Field);
        Assert.Contains("speedMps must be > 0", e.Rule);
    }
}
