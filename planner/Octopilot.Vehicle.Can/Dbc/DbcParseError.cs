namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>One rejected DBC line: where, what it said, and what the parser expected instead.</summary>
public sealed record DbcParseError(string SourceName, int LineNumber, string LineText, string Problem)
{
    public override string ToString() => $"{SourceName}:{LineNumber}: {Problem}: \"{LineText.Trim()}\"";
}
