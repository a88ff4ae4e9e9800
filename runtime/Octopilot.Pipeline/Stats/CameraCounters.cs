namespace Octopilot.Pipeline.Stats;

/// <summary>
/// Running counters of one camera. The assembler writes its fields under its lock; the capture loop writes
/// <see cref="Errors"/> and <see cref="DeviceGaps"/> with interlocked adds. Readers take a <see cref="Snapshot"/>.
/// </summary>
public sealed class CameraCounters
{
    private long _captured;
    private long _dropped;
    private long _late;
    private long _errors;
    private long _deviceGaps;
    private long _missingFromSets;

    public CameraCounters(string cameraName)
    {
        CameraName = cameraName;
    }

    public string CameraName { get; }

    /// <summary>Frames written completely into a set slot.</summary>
    public long Captured => Interlocked.Read(ref _captured);

    /// <summary>Frames lost inside the pipeline: evicted by newest-wins, or no slab free for them.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Frames that arrived after their set had shipped; discarded.</summary>
    public long Late => Interlocked.Read(ref _late);

    /// <summary>Failed capture steps (timeout, corrupt frame, device error).</summary>
    public long Errors => Interlocked.Read(ref _errors);

    /// <summary>Frames the device itself skipped, seen as jumps in its sequence numbers.</summary>
    public long DeviceGaps => Interlocked.Read(ref _deviceGaps);

    /// <summary>Shipped sets this camera was missing from.</summary>
    public long MissingFromSets => Interlocked.Read(ref _missingFromSets);

    internal void AddCaptured() => Interlocked.Increment(ref _captured);

    internal void AddDropped() => Interlocked.Increment(ref _dropped);

    internal void AddLate() => Interlocked.Increment(ref _late);

    internal void AddError() => Interlocked.Increment(ref _errors);

    internal void AddDeviceGaps(long frames) => Interlocked.Add(ref _deviceGaps, frames);

    internal void AddMissingFromSet() => Interlocked.Increment(ref _missingFromSets);

    public CameraCountersSnapshot Snapshot() =>
        new(Captured, Dropped, Late, Errors, DeviceGaps, MissingFromSets);
}
