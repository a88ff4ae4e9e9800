namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// Where a steering-torque command goes in the car's DBC: the message, its torque and request signals, the fixed
/// values of its other signals, its rolling counter and checksum, and how often it is sent. Immutable; names are
/// checked against the DBC when the <see cref="SteeringTorqueFrameWriter"/> is built.
/// The Toyota preset is <see cref="Toyota.ToyotaTssP.SteeringLka"/>.
/// </summary>
public sealed record SteeringTorqueFrameSpec
{
    private readonly long _periodNs = 10_000_000;

    /// <summary>The DBC message, e.g. <c>STEERING_LKA</c>.</summary>
    public required string Message { get; init; }

    /// <summary>The torque signal, written raw (the DBC's [min|max] of Toyota's STEER_TORQUE_CMD is [0|65535], which would clamp every left-hand torque).</summary>
    public required string TorqueSignal { get; init; }

    /// <summary>The 1-bit "apply my torque" flag, e.g. <c>STEER_REQUEST</c>.</summary>
    public required string RequestSignal { get; init; }

    /// <summary>Frame period, ns, &gt; 0. Frames are made from <c>Send</c>, at most one per period.</summary>
    public long PeriodNs
    {
        get => _periodNs;
        init => _periodNs = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(PeriodNs), value, "the steering frame period must be > 0 ns");
    }

    /// <summary>Other signals' raw values (Toyota: SET_ME_1 = 1, LKA_STATE = 0).</summary>
    public IReadOnlyDictionary<string, long> ConstantRawValues { get; init; } = new Dictionary<string, long>();

    /// <summary>A rolling counter, one step per frame modulo its field (null: none).</summary>
    public string? CounterSignal { get; init; }

    /// <summary>The checksum signal, filled last by the writer's <see cref="Checksums.IFrameChecksum"/> (null: none).</summary>
    public string? ChecksumSignal { get; init; }
}
