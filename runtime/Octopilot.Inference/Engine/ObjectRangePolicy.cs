namespace Octopilot.Inference.Engine;

/// <summary>
/// Which range a contract HydraNet's detections carry into the BEV projector. Chosen per model from its evaluation
/// (`octopilot model evaluate` prints the placement error both ways): a model whose object depth is poorer than the
/// flat-ground geometry of its boxes should not use it.
/// </summary>
public enum ObjectRangePolicy
{
    /// <summary>The model's per-object depth (<see cref="Perception.RangeSource.ObjectDepth"/>): the contract's meaning.</summary>
    ModelDepth = 0,

    /// <summary>
    /// No range from the model (DepthM 0, <see cref="Perception.RangeSource.GroundContact"/>): the projector casts the
    /// box's bottom row onto flat ground (the footprint fitted to that row). The committed tiny model places cars a
    /// median 4.9 % of range off this way within 40 m, and 5.0 % with its depth weighed in (its model card).
    /// </summary>
    GroundContact = 1,
}
