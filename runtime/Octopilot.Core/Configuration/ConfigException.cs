namespace Octopilot.Core.Configuration;

/// <summary>
/// A configuration or calibration file broke a rule. The message names the file, the field (a JSON path),
/// the rule and the offending value, so the person fixing it never has to guess. Hosts map it to exit code 2.
/// </summary>
public sealed class ConfigException : Exception
{
    public ConfigException(string file, string field, string rule, string? actual = null, int? line = null)
        : base(Format(file, field, rule, actual, line))
    {
        File = file;
        Field = field;
        Rule = rule;
        Actual = actual;
        Line = line;
    }

    public ConfigException()
        : this("(unknown)", "(unknown)", "invalid configuration")
    {
    }

    public ConfigException(string message)
        : base(message)
    {
        File = Field = Rule = string.Empty;
    }

    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = Field = Rule = string.Empty;
    }

    public string File { get; }

    public string Field { get; }

    public string Rule { get; }

    public string? Actual { get; }

    public int? Line { get; }

    private static string Format(string file, string field, string rule, string? actual, int? line)
    {
        string where = line is int l ? $"{file}:{l}" : file;
        string got = actual is null ? string.Empty : $" (got {actual})";
        return $"{where}: {field}: {rule}{got}";
    }
}
