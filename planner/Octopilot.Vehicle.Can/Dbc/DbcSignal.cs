namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>
/// One <c>SG_</c> line: where the signal's bits are and how raw turns physical (physical = raw × factor + offset).
/// Immutable once the file is parsed.
/// </summary>
public sealed class DbcSignal
{
    private static readonly IReadOnlyDictionary<long, string> NoDescriptions = new Dictionary<long, string>();

    public required string Name { get; init; }

    /// <summary>DBC start bit: byte × 8 + bit-in-byte (bit 0 = least significant). Intel: the signal's LSB; Motorola: its MSB.</summary>
    public required int StartBit { get; init; }

    public required int LengthBits { get; init; }

    public required DbcByteOrder ByteOrder { get; init; }

    /// <summary><c>-</c> in the DBC: two's complement.</summary>
    public required bool IsSigned { get; init; }

    public required double Factor { get; init; }

    public required double Offset { get; init; }

    /// <summary>Physical minimum. DBC writes <c>[0|0]</c> for "not given": see <see cref="HasRange"/>.</summary>
    public required double Minimum { get; init; }

    public required double Maximum { get; init; }

    public required string Unit { get; init; }

    public required IReadOnlyList<string> Receivers { get; init; }

    public DbcMultiplexing Multiplexing { get; init; }

    /// <summary>The multiplexor value this signal appears under (only for <see cref="DbcMultiplexing.Multiplexed"/>).</summary>
    public long MultiplexValue { get; init; }

    /// <summary>Line of the <c>SG_</c> in its file, for messages.</summary>
    public required int LineNumber { get; init; }

    /// <summary>Raw value → text from <c>VAL_</c> (empty when the DBC gives none).</summary>
    public IReadOnlyDictionary<long, string> ValueDescriptions { get; internal set; } = NoDescriptions;

    /// <summary>True when <c>SIG_VALTYPE_</c> declares an IEEE float; the integer codec refuses such signals.</summary>
    public bool IsFloat { get; internal set; }

    /// <summary>The DBC gives a physical range (minimum &lt; maximum); <c>[0|0]</c> and inverted ranges mean none.</summary>
    public bool HasRange => Minimum < Maximum;

    public override string ToString() => $"{Name} {StartBit}|{LengthBits}@{(int)ByteOrder}{(IsSigned ? '-' : '+')} ({Factor},{Offset}) [{Minimum}|{Maximum}] \"{Unit}\"";
}
