namespace Octopilot.Planner.Simulation.Vehicles;

/// <summary>
/// The straight road's frame: s along the road (m), y to the left (m) with lane 0's centre at y = 0, so lane i's
/// centre is at y = −i·w (lane 0 leftmost, as the planner counts).
/// </summary>
internal readonly record struct RoadFrame(int LaneCount, double LaneWidthM)
{
    public double LaneCentreYM(int lane) => -lane * LaneWidthM;

    /// <summary>The lane containing lateral position <paramref name="yM"/> (clamped to the road): it changes when a line is crossed.</summary>
    public int LaneAt(double yM) => Math.Clamp((int)Math.Round(-yM / LaneWidthM), 0, LaneCount - 1);
}
