namespace Octopilot.Replay.Codecs;

/// <summary>A record's payload does not fit its type's layout (wrong length, impossible count). Names the record.</summary>
public sealed class PayloadException : Exception
{
    public PayloadException(string message)
        : base(message)
    {
    }

    public PayloadException()
    {
    }

    public PayloadException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
