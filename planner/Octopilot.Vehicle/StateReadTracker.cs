namespace Octopilot.Vehicle;

/// <summary>
/// What every vehicle interface keeps about the states its consumer read: the last sample (for a contended read),
/// how many reads were invalid, and how often the state went from valid to invalid. <see cref="Record"/> runs on the
/// consumer (tick) thread only; the counters may be read from any thread.
/// </summary>
public sealed class StateReadTracker
{
    private bool _lastValid;
    private long _invalidReads;
    private long _becameInvalid;

    public VehicleStateSample Last { get; private set; } =
        new() { Validity = VehicleStateValidity.NeverReceived, UpdatedNs = long.MinValue };

    public long InvalidReads => Interlocked.Read(ref _invalidReads);

    public long BecameInvalid => Interlocked.Read(ref _becameInvalid);

    /// <summary>Counts <paramref name="sample"/> and keeps it as the last one; returns whether it is valid.</summary>
    public bool Record(in VehicleStateSample sample)
    {
        if (!sample.IsValid)
        {
            Interlocked.Increment(ref _invalidReads);
            if (_lastValid)
            {
                Interlocked.Increment(ref _becameInvalid);
            }
        }

        Last = sample;
        _lastValid = sample.IsValid;
        return sample.IsValid;
    }
}
