namespace Octopilot.Planner.Simulation.Scenarios;

/// <summary>
/// A road of parallel lanes of one width; lane 0 is the leftmost (the planner's convention). Straight, or one constant
/// curve: <see cref="CurvaturePerM"/> is the curvature of the road's centre line (midway between lane 0's and the last
/// lane's centres), positive bending left.
/// </summary>
public sealed record RoadSpec(int LaneCount, double LaneWidthM, double CurvaturePerM = 0)
{
    public const int DefaultLaneCount = 3;

    /// <summary>Motorway lane width, m. Source: German RAA / EU motorways 3.5–3.75 m.</summary>
    public const double DefaultLaneWidthM = 3.5;

    /// <summary>Tightest curve a scenario may use, m: below motorway design radii (RAA: 720 m at 130 km/h, 250 m on ramps).</summary>
    public const double MinCurveRadiusM = 100;

    /// <summary>Lateral offset of lane 0's centre from the road's centre line, m (left positive).</summary>
    public double Lane0OffsetM => (LaneCount - 1) * LaneWidthM / 2;
}
