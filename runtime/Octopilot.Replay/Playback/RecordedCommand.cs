using Octopilot.Planner.Outputs;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Playback;

/// <summary>One recorded planner tick: its inputs by reference, and the command the planner produced live.</summary>
public sealed record RecordedCommand(RecordedTick Tick, PlannerOutput Command, byte[] CommandBytes);
