namespace Octopilot.Host.Tests.Infrastructure;

/// <summary>Short planner scenarios for CLI tests that drive the camera path (seconds of sim time, not the suite's minutes).</summary>
internal static class PlannerScenarioTexts
{
    /// <summary>3 s behind a car at 20 m/s, 40 m ahead; expects a time gap of at least 0.8 s.</summary>
    public const string ShortFollow = """
        {
          "name": "short-follow",
          "description": "3 s behind a car at 20 m/s, 40 m ahead",
          "durationS": 3,
          "ego": {"lane": 1, "speedMps": 20},
          "driver": {"setSpeedMps": 25},
          "traffic": [ {"id": 1, "lane": 1, "gapAheadM": 40, "speedMps": 20} ],
          "expect": {"minTimeGapS": 0.8}
        }
        """;
}
