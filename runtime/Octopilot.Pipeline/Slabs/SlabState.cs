namespace Octopilot.Pipeline.Slabs;

/// <summary>Where a slab is in its cycle. Free → Filling → Ready → Leased → Free; Filling/Ready may be dropped back to Free.</summary>
public enum SlabState
{
    /// <summary>In the pool, holding nothing.</summary>
    Free = 0,

    /// <summary>Cameras are writing frames of one set into it.</summary>
    Filling,

    /// <summary>Shipped (complete, or incomplete after its deadline) and queued for the consumer, which has not started on it.</summary>
    Ready,

    /// <summary>Owned by a consumer through a <see cref="Assembly.FrameSetLease"/> until the lease is disposed.</summary>
    Leased,
}
