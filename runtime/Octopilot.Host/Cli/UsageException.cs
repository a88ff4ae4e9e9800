namespace Octopilot.Host.Cli;

/// <summary>A command-line value broke a rule; the message names the option, the rule and the value. Exit code 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException()
    {
    }

    public UsageException(string message)
        : base(message)
    {
    }

    public UsageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
