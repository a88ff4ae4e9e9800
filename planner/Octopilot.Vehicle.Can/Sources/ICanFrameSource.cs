using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>
/// Where received CAN frames come from: a live bus (<see cref="SocketCanFrameSource"/>) or a recorded log
/// (<see cref="CandumpLogSource"/>). Built for one dedicated reader thread: <see cref="Read"/> blocks until a frame,
/// the timeout, the end of the source or cancellation. Only that thread calls <see cref="Read"/>.
/// </summary>
public interface ICanFrameSource : IDisposable
{
    /// <summary>For logs and thread names, e.g. <c>"can0"</c> or the log file's name.</summary>
    string Name { get; }

    /// <summary>Input the source could not turn into a frame (malformed log lines, error or remote frames), counted.</summary>
    long MalformedInputs { get; }

    /// <summary>
    /// Waits up to <paramref name="timeoutNs"/> for the next frame and writes it into <paramref name="frame"/>.
    /// Callers must not depend on the timeout for safety (a source may overrun it under load): the vehicle state's
    /// silence rule is judged by the reader of the state, at its own time.
    /// </summary>
    CanReadStatus Read(ref CanFrame frame, long timeoutNs, CancellationToken cancellationToken);
}
