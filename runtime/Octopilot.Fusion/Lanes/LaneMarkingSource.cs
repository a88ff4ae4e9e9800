namespace Octopilot.Fusion.Lanes;

/// <summary>Where a <see cref="LaneBoundary"/>'s solid-or-dashed decision (<see cref="LaneBoundary.IsDashed"/>) came from.</summary>
public enum LaneMarkingSource
{
    /// <summary>No decision: the boundary was inferred (no paint seen), so its marking is unknown.</summary>
    None = 0,

    /// <summary>
    /// The coverage heuristic: dashed when peaks cover under 60 % of the slices across the support. Used when the model
    /// has no solid_lines head (or none of its cells under the boundary was known in this set).
    /// </summary>
    Coverage = 1,

    /// <summary>
    /// The solid_lines head: solid when the mean probability that the paint at the supporting peaks is solid is at least
    /// <see cref="LaneFitter.SolidProbabilityThreshold"/>.
    /// </summary>
    SolidLinesHead = 2,
}
