namespace Octopilot.Vehicle;

/// <summary>
/// What every vehicle interface counts, as a snapshot (each field read atomically, the set not necessarily from one
/// instant). CAN-specific counts (unknown ids, bad checksums, ...) are on the CAN interface itself.
/// </summary>
public readonly record struct VehicleInterfaceCounters
{
    /// <summary>State updates the producer published (CAN frames that changed a mapped signal; simulation steps).</summary>
    public long StateUpdates { get; init; }

    /// <summary>Times a reader found the state going from valid to invalid (silence, mostly).</summary>
    public long BecameInvalid { get; init; }

    /// <summary>Reads that found the state invalid.</summary>
    public long InvalidReads { get; init; }

    /// <summary>Calls to <see cref="IVehicleInterface.Send"/>.</summary>
    public long CommandsReceived { get; init; }

    /// <summary>Command frames (or simulation steps) that reached the vehicle.</summary>
    public long CommandsDelivered { get; init; }

    /// <summary>Commands the vehicle could not take (write failed, no sink, not started).</summary>
    public long CommandsFailed { get; init; }
}
