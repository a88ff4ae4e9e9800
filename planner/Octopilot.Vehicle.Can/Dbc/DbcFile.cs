namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>A parsed DBC: its messages by id and by name. Immutable; share it freely between threads.</summary>
public sealed class DbcFile
{
    private readonly Dictionary<ulong, DbcMessage> _byId = [];
    private readonly Dictionary<string, DbcMessage> _byName = new(StringComparer.Ordinal);

    internal DbcFile(string sourceName, IReadOnlyList<DbcMessage> messages, IReadOnlyList<string> nodes)
    {
        SourceName = sourceName;
        Messages = messages;
        Nodes = nodes;
        foreach (DbcMessage message in messages)
        {
            _byId[Key(message.Id, message.IsExtended)] = message;
            _byName[message.Name] = message;
        }
    }

    /// <summary>The path or name it was parsed from, for messages.</summary>
    public string SourceName { get; }

    public IReadOnlyList<DbcMessage> Messages { get; }

    /// <summary>The <c>BU_</c> node names.</summary>
    public IReadOnlyList<string> Nodes { get; }

    public bool TryGetMessage(uint id, bool isExtended, out DbcMessage message) => _byId.TryGetValue(Key(id, isExtended), out message!);

    public bool TryGetMessage(string name, out DbcMessage message) => _byName.TryGetValue(name, out message!);

    /// <summary>The named message; throws naming the file when absent.</summary>
    public DbcMessage GetMessage(string name) => TryGetMessage(name, out DbcMessage message)
        ? message
        : throw new KeyNotFoundException($"{SourceName} has no message named '{name}' ({Messages.Count} messages)");

    private static ulong Key(uint id, bool isExtended) => id | (isExtended ? 1UL << 32 : 0);
}
