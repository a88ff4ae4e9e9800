namespace Octopilot.Vehicle;

/// <summary>Why a vehicle state may or may not be used, judged at the reader's time.</summary>
public enum VehicleStateValidity : byte
{
    /// <summary>Every required input arrived within the silence bound.</summary>
    Valid = 0,

    /// <summary>Nothing has been received (or simulated) yet.</summary>
    NeverReceived = 1,

    /// <summary>Some inputs arrived, but at least one required input (a CAN message, say) has never been seen.</summary>
    Incomplete = 2,

    /// <summary>A required input is older than the silence bound: the bus (or the simulation) went quiet.</summary>
    Silent = 3,

    /// <summary>The producer's newest value could not be copied because writes kept overlapping the read (rare; counted).</summary>
    ReadContended = 4,
}
