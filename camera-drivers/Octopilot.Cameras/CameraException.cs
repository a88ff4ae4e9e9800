namespace Octopilot.Cameras;

/// <summary>A camera could not be opened or configured. The message names the camera, what was asked and what is allowed.</summary>
public sealed class CameraException : Exception
{
    public CameraException()
    {
    }

    public CameraException(string message)
        : base(message)
    {
    }

    public CameraException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
