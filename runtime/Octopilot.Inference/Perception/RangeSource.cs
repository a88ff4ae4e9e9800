namespace Octopilot.Inference.Perception;

/// <summary>
/// Where a detection's <see cref="Detection.DepthM"/> came from, so consumers (and <c>perceive</c>'s JSON) can say how
/// much to trust it. Appended only: the values are written to files.
/// </summary>
public enum RangeSource
{
    /// <summary>
    /// No range from perception (DepthM 0): the BEV projector casts the box's ground contact through the calibration,
    /// which is poor far away (≈ 0.8 m per pixel at 40 m for a 1.5 m high camera).
    /// </summary>
    GroundContact = 0,

    /// <summary>The model's own per-object depth output (the contract HydraNet's object head; the oracle's truth).</summary>
    ObjectDepth = 1,

    /// <summary>The model's depth map sampled inside the box (a foreign model with a depth head).</summary>
    DepthMap = 2,

    /// <summary>From the box height and the class's typical height: fy·H / h (a foreign model without a depth head).</summary>
    SizePrior = 3,
}
