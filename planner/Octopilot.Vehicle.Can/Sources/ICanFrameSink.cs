using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>Where command frames go: the bus (<see cref="SocketCanFrameSource"/>) or a test's recorder. One writer thread.</summary>
public interface ICanFrameSink
{
    string Name { get; }

    /// <summary>Queues the frame for sending; false when it could not be (counted by the caller). Never blocks for long.</summary>
    bool TryWrite(in CanFrame frame);
}
