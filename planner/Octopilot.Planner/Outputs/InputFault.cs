namespace Octopilot.Planner.Outputs;

/// <summary>
/// The first input rule a tick broke. Counted per kind in <see cref="PlannerState"/>; turn one into a sentence naming
/// the field and value with <see cref="Faults.InputValidator.Describe"/> (allocates; off the hot path).
/// </summary>
public enum InputFault : byte
{
    None = 0,

    /// <summary>NaN or ±Inf in the vehicle state or driver inputs.</summary>
    NonFiniteVehicleState = 1,

    /// <summary>NaN or ±Inf in the world model's lane geometry.</summary>
    NonFiniteWorldModel = 2,

    /// <summary>NaN or ±Inf in a tracked object.</summary>
    NonFiniteObject = 3,

    /// <summary>Lane count &lt; 1, lane width not positive, or a negative object size.</summary>
    LaneGeometryInvalid = 4,

    /// <summary>Ego lane index outside 0..LaneCount−1.</summary>
    EgoLaneUnknown = 5,

    /// <summary>An object's lane index outside −1..LaneCount−1 (−1 is the legal "unknown").</summary>
    ObjectLaneUnknown = 6,

    /// <summary>An object in the ego lane whose centre is ahead of the rear axle but whose rear end overlaps the ego body.</summary>
    NegativeLeadDistance = 7,

    /// <summary>The world model is stamped later than the tick by more than <see cref="PlannerOptions.FutureToleranceS"/>.</summary>
    TimestampInFuture = 8,
}
