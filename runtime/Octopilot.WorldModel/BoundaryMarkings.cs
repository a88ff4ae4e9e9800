using Octopilot.Fusion.Lanes;
using Octopilot.Planner.Inputs;

namespace Octopilot.WorldModel;

/// <summary>A fitted boundary's marking as the planner's <see cref="LaneMarking"/>.</summary>
public static class BoundaryMarkings
{
    /// <summary>
    /// Solid or dashed only when the solid_lines head decided it (<see cref="LaneMarkingSource.SolidLinesHead"/>);
    /// Unknown otherwise. Why not the coverage heuristic: it calls a dashed divider solid whenever its gaps are filled
    /// (blur at range, short gaps, a long dash in the window) and a solid line dashed when occluded, which is fine for a
    /// picture but not for refusing the driver's lane change; Unknown keeps the planner's behaviour for models
    /// without the head exactly as it was. Inferred boundaries (no paint seen) are Unknown.
    /// </summary>
    public static LaneMarking ToPlanner(in LaneBoundary boundary) =>
        boundary.MarkingSource != LaneMarkingSource.SolidLinesHead ? LaneMarking.Unknown
        : boundary.IsDashed ? LaneMarking.Dashed
        : LaneMarking.Solid;
}
