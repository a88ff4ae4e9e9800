namespace Octopilot.DriveLog.Format;

/// <summary>
/// What a record's payload is. Values are part of the on-disk format (FORMAT.md): never renumber, only add.
/// A reader that meets a value it does not know keeps the record (it is checksummed) and reports it as unknown.
/// </summary>
public enum RecordType : byte
{
    /// <summary>One camera's frame of one frame set, LZ4-compressed RGB24 (stream id = camera index in the rig).</summary>
    CameraFrame = 1,

    /// <summary>A shipped frame set: sequence, which cameras arrived, which were recorded, their start-of-frame times.</summary>
    FrameSet = 2,

    /// <summary>The vehicle state the planner read on a tick.</summary>
    VehicleState = 3,

    /// <summary>A world model snapshot as published to the tick thread.</summary>
    WorldModel = 4,

    /// <summary>One planner tick's command (output) with the inputs' identities it was computed from.</summary>
    ControlCommand = 5,

    /// <summary>An event: alert, state transition, fault, recorder notice. UTF-8 text with a kind code.</summary>
    Event = 6,

    /// <summary>The planner's inputs of one tick (vehicle state, the world model's stamp and the tick time).</summary>
    PlannerTick = 7,
}
