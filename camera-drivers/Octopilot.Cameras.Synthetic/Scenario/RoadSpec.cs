namespace Octopilot.Cameras.Synthetic;

/// <summary>
/// The road of a scenario: <see cref="LaneCount"/> lanes of equal width around the centreline, bounded by solid
/// edge lines, split by dashed lane dividers, with a shoulder and then grass outside. Lane 0 is the leftmost lane in
/// the driving direction. All lengths in metres.
/// </summary>
/// <param name="LaneCount">Number of lanes, 1..<see cref="ScenarioFile.MaxLanes"/>.</param>
/// <param name="LaneWidthM">Width of one lane, centre of divider to centre of divider.</param>
/// <param name="CurvaturePerM">Signed constant curvature of the centreline, 1/radius; left turn positive; 0 is straight.</param>
/// <param name="DashLengthM">Painted length of one divider dash.</param>
/// <param name="GapLengthM">Unpainted length between two dashes.</param>
/// <param name="MarkingWidthM">Width of every painted line.</param>
/// <param name="ShoulderWidthM">Paved shoulder beyond each edge line before the grass starts.</param>
public sealed record RoadSpec(
    int LaneCount,
    double LaneWidthM,
    double CurvaturePerM,
    double DashLengthM,
    double GapLengthM,
    double MarkingWidthM,
    double ShoulderWidthM)
{
    /// <summary>Width of all lanes together (edge line outer edge to edge line outer edge).</summary>
    public double RoadWidthM => LaneCount * LaneWidthM;

    /// <summary>Lateral offset (left positive) of the centre of lane <paramref name="laneIndex"/> from the centreline.</summary>
    public double LaneCentreOffsetM(double laneIndex) => (RoadWidthM / 2) - ((laneIndex + 0.5) * LaneWidthM);
}
