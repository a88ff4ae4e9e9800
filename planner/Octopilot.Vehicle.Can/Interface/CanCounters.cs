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

    /// <summary>Steering-torque frames written (100 Hz on Toyota, request on or off).</summary>
    public long LateralFramesWritten { get; init; }

    public long LateralFramesFailed { get; init; }

    /// <summary>Lateral frames with the request bit set (the car was asked to apply the torque).</summary>
    public long LateralRequestFrames { get; init; }

    /// <summary>Lateral frames whose torque the limits changed (rate, maximum, motor error, real-time window).</summary>
    public long LateralTorqueLimited { get; init; }

    /// <summary>Lateral frames winding torque down after the authority went (or the state went invalid).</summary>
    public long LateralWindDownFrames { get; init; }

    /// <summary>Times the car stopped allowing control (cruise off, brake, gas) with torque applied: cut to 0, as the car demands.</summary>
    public long LateralReleasedByCar { get; init; }

    /// <summary>Lateral frames sent while the driver steered (|driver torque| over the threshold).</summary>
    public long LateralSteeringPressedFrames { get; init; }
}
