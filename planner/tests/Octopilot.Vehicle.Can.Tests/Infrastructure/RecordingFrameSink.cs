using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Sources;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>A sink that keeps every frame written (preallocated, so writes allocate nothing until it is full).</summary>
internal sealed class RecordingFrameSink(int capacity = 4096) : ICanFrameSink
{
    private readonly CanFrame[] _frames = new CanFrame[capacity];

    public string Name => "recorder";

    public int Count { get; private set; }

    /// <summary>When true, every write fails (a full tx queue).</summary>
    public bool Refuse { get; set; }

    public IReadOnlyList<CanFrame> Frames => _frames[..Count];

    public bool TryWrite(in CanFrame frame)
    {
        if (Refuse || Count == _frames.Length)
        {
            return false;
        }

        _frames[Count++] = frame;
        return true;
    }
}
