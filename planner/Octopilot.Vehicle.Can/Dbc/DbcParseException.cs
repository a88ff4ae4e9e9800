namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>A DBC that broke the subset's rules. Lists every rejected line (up to <see cref="DbcParser.MaxReportedErrors"/>).</summary>
public sealed class DbcParseException : FormatException
{
    public DbcParseException(IReadOnlyList<DbcParseError> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public DbcParseException()
        : this("malformed DBC")
    {
    }

    public DbcParseException(string message)
        : base(message)
    {
        Errors = [];
    }

    public DbcParseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<DbcParseError> Errors { get; }

    private static string Describe(IReadOnlyList<DbcParseError> errors) =>
        $"{errors.Count} malformed DBC line(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
}
