namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>One <c>BO_</c> with its signals. Immutable once the file is parsed.</summary>
public sealed class DbcMessage
{
    private readonly Dictionary<string, DbcSignal> _byName;

    internal DbcMessage(string sourceName, uint id, bool isExtended, string name, int sizeBytes, string transmitter, int lineNumber, List<DbcSignal> signals)
    {
        SourceName = sourceName;
        Id = id;
        IsExtended = isExtended;
        Name = name;
        SizeBytes = sizeBytes;
        Transmitter = transmitter;
        LineNumber = lineNumber;
        Signals = signals;
        _byName = new Dictionary<string, DbcSignal>(StringComparer.Ordinal);
        foreach (DbcSignal signal in signals)
        {
            _byName[signal.Name] = signal;
        }
    }

    /// <summary>The file the message came from, for messages.</summary>
    public string SourceName { get; }

    /// <summary>CAN identifier without flags (the DBC's bit 31 "extended" flag is in <see cref="IsExtended"/>).</summary>
    public uint Id { get; }

    public bool IsExtended { get; }

    public string Name { get; }

    /// <summary>Data length the DBC promises; a received frame of another length is rejected.</summary>
    public int SizeBytes { get; }

    public string Transmitter { get; }

    public int LineNumber { get; }

    public IReadOnlyList<DbcSignal> Signals { get; }

    public bool TryGetSignal(string name, out DbcSignal signal) => _byName.TryGetValue(name, out signal!);

    /// <summary>The named signal; throws naming the message and its signals when absent.</summary>
    public DbcSignal GetSignal(string name) => TryGetSignal(name, out DbcSignal signal)
        ? signal
        : throw new KeyNotFoundException(
            $"message {Name} (0x{Id:X}) has no signal '{name}'; it has: {string.Join(", ", Signals.Select(s => s.Name))}");

    public override string ToString() => $"{Name} (0x{Id:X}, {SizeBytes} bytes, {Signals.Count} signals)";
}
