namespace Octopilot.Replay.Playback;

/// <summary>A drive that cannot be replayed as asked (missing facts, a model that cannot be found); the message says why.</summary>
public sealed class ReplayException : Exception
{
    public ReplayException()
    {
    }

    public ReplayException(string message)
        : base(message)
    {
    }

    public ReplayException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
