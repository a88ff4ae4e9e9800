namespace Octopilot.Inference.Perception;

/// <summary>
/// The HydraNet heads of contract v1 (onnx/CONTRACT.md). The value is the index used in per-head arrays (sized by
/// <see cref="HeadKinds.Count"/>); new heads are appended, never renumbered, because counters and logs index by it.
/// </summary>
public enum HeadKind
{
    Lanes = 0,
    Drivable = 1,
    Depth = 2,
    Objects = 3,

    /// <summary>Optional: probability that the cell holds a solid lane line (edge-line paint; dashed dividers are 0).</summary>
    SolidLines = 4,
}
