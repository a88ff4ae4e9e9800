namespace Octopilot.Inference.Contract;

/// <summary>
/// A model file could not be opened as an ONNX model: missing, unreadable, not ONNX, truncated or corrupt. The message
/// names the file and ONNX Runtime's own reason (kept as the inner exception). Hosts map it to exit code 2.
/// </summary>
public sealed class ModelLoadException : Exception
{
    public ModelLoadException(string modelPath, string reason, Exception? innerException = null)
        : base($"{modelPath}: cannot be loaded as an ONNX model: {reason}", innerException)
    {
        ModelPath = modelPath;
        Reason = reason;
    }

    public ModelLoadException()
        : this("(unknown)", "unknown reason")
    {
    }

    public ModelLoadException(string message)
        : base(message)
    {
        ModelPath = Reason = string.Empty;
    }

    public ModelLoadException(string message, Exception innerException)
        : base(message, innerException)
    {
        ModelPath = Reason = string.Empty;
    }

    public string ModelPath { get; }

    /// <summary>Why, in ONNX Runtime's words (or "no such file").</summary>
    public string Reason { get; }
}
