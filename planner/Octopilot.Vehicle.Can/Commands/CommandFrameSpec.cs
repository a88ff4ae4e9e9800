namespace Octopilot.Vehicle.Can.Commands;

/// <summary>
/// How the planner's acceleration command becomes a cyclic CAN frame: which message and signal carry it, how often,
/// the fixed values of the message's other signals, and the car's rolling counter and checksum where it has them.
/// Immutable; names are checked against the DBC when the <see cref="CyclicCommandEncoder"/> is built.
/// The Toyota preset is <see cref="Toyota.ToyotaTssP.AccControl"/>.
/// </summary>
public sealed record CommandFrameSpec
{
    private readonly long _periodNs = 30_000_000;
    private readonly double _minAccelMps2 = -3.5;
    private readonly double _maxAccelMps2 = 2.0;

    /// <summary>The DBC message, e.g. <c>ACC_CONTROL</c>.</summary>
    public required string Message { get; init; }

    /// <summary>The acceleration signal, DBC unit m/s^2, e.g. <c>ACCEL_CMD</c>.</summary>
    public required string AccelSignal { get; init; }

    /// <summary>Frame period, ns, &gt; 0. Frames are sent from <c>Send</c>, at most one per period.</summary>
    public long PeriodNs
    {
        get => _periodNs;
        init => _periodNs = value > 0 ? value : throw new ArgumentOutOfRangeException(nameof(PeriodNs), value, "the command period must be > 0 ns");
    }

    /// <summary>Lowest acceleration sent, m/s² (the car's own limit; the DBC range is usually wider).</summary>
    public double MinAccelMps2
    {
        get => _minAccelMps2;
        init => _minAccelMps2 = double.IsFinite(value) && value <= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MinAccelMps2), value, "the lowest acceleration must be finite and ≤ 0 m/s²");
    }

    /// <summary>Highest acceleration sent, m/s².</summary>
    public double MaxAccelMps2
    {
        get => _maxAccelMps2;
        init => _maxAccelMps2 = double.IsFinite(value) && value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(MaxAccelMps2), value, "the highest acceleration must be finite and ≥ 0 m/s²");
    }

    /// <summary>
    /// Other signals' values, raw (bit patterns as the car expects them, not clamped to the DBC's [min|max], which for
    /// some constants is narrower than what real ECUs send).
    /// </summary>
    public IReadOnlyDictionary<string, long> ConstantRawValues { get; init; } = new Dictionary<string, long>();

    /// <summary>A rolling counter signal, incremented per frame modulo its field (null: the message has none).</summary>
    public string? CounterSignal { get; init; }

    /// <summary>The checksum signal, filled by the encoder's <see cref="Checksums.IFrameChecksum"/> (null: none).</summary>
    public string? ChecksumSignal { get; init; }
}
