namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>
/// Parses the subset of Vector's DBC format a vehicle interface needs: <c>BO_</c>, <c>SG_</c> (both byte orders,
/// signedness, factor/offset, [min|max], unit, receivers, simple <c>M</c>/<c>mN</c> multiplexing), <c>VAL_</c>,
/// <c>BU_</c> and <c>SIG_VALTYPE_</c> (to refuse float signals). Every other statement (CM_, BA_DEF_, BA_, VAL_TABLE_,
/// ...) is skipped whole, including strings that run over several lines. Malformed lines are all collected and thrown
/// together as one <see cref="DbcParseException"/> naming file, line number, the line and what was expected.
/// </summary>
public static class DbcParser
{
    /// <summary>Errors listed in one exception; a file with more is hopeless to read line by line anyway.</summary>
    public const int MaxReportedErrors = 100;

    /// <summary>Largest message the parser accepts, bytes (CAN FD). The classic-CAN codecs refuse anything over 8.</summary>
    public const int MaxMessageBytes = 64;

    /// <summary>Longest signal, bits: the codec works on one 64-bit word.</summary>
    public const int MaxSignalBits = 64;

    /// <summary>Reads and parses a file; errors name <paramref name="path"/>.</summary>
    public static DbcFile Load(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>Parses DBC text; <paramref name="sourceName"/> is what errors call it (a path, usually).</summary>
    public static DbcFile Parse(string text, string sourceName)
    {
        var session = new DbcParseSession(sourceName);
        int lineNumber = 0;
        foreach (ReadOnlySpan<char> rawLine in text.AsSpan().EnumerateLines())
        {
            lineNumber++;
            session.Line(rawLine, lineNumber);
        }

        return session.Finish();
    }
}
