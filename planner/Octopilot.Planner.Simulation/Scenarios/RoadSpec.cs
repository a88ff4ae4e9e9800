namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>A straight road of parallel lanes of one width; lane 0 is the leftmost (the planner's convention).</summary>
public sealed record RoadSpec(int LaneCount, double LaneWidthM)
{
    public const int DefaultLaneCount = 3;

    /// <summary>Motorway lane width, m. Source: German RAA / EU motorways 3.5–3.75 m.</summary>
    public const double DefaultLaneWidthM = 3.5;
}
