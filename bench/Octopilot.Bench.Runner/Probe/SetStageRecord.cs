namespace Octopilot.Bench.Runner.Probe;

/// <summary>
/// The runtime's own timestamps of one frame set on its way from the cameras to a planner command (monotonic clock, ns):
/// oldest and newest start of frame of its cameras, set shipped by the assembler, taken by the inference thread,
/// perception done, world model published, and the first planner command computed from that world model (0 until a
/// tick consumed it).
/// </summary>
public struct SetStageRecord
{
    public long SetSequence { get; set; }
    public long OldestStartOfFrameNs { get; set; }
    public long NewestStartOfFrameNs { get; set; }
    public long ShippedNs { get; set; }
    public long TakenNs { get; set; }
    public long PerceivedNs { get; set; }
    public long WorldModelNs { get; set; }
    public long CommandNs { get; set; }
}
