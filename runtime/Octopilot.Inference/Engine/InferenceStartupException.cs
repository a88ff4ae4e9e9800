namespace Octopilot.Inference.Engine;

/// <summary>The engine cannot start as configured (required provider missing, model and pipeline disagree). Hosts exit 2.</summary>
public sealed class InferenceStartupException : Exception
{
    public InferenceStartupException()
    {
    }

    public InferenceStartupException(string message)
        : base(message)
    {
    }

    public InferenceStartupException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
