using Octopilot.Vehicle.Can.Mapping;

namespace Octopilot.Vehicle.Can.Interface;

/// <summary>The CAN side of a <see cref="CanVehicleInterface"/>, as a snapshot (each field read atomically).</summary>
public readonly record struct CanCounters
{
    /// <summary>What the decoder did with received frames, per verdict (unknown ids, bad length, bad checksum, ...).</summary>
    public DecoderCounters Received { get; init; }

    /// <summary>Input the source could not turn into frames (malformed log lines, error frames).</summary>
    public long SourceMalformed { get; init; }

    /// <summary>Exceptions that ended the reader thread (the state then goes silent).</summary>
    public long ReaderFailures { get; init; }

    public long CommandFramesWritten { get; init; }

    public long CommandFramesFailed { get; init; }

    /// <summary>Commands outside the car's acceleration limits, sent clamped.</summary>
    public long CommandsClamped { get; init; }
}
