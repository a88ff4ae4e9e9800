using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// <see cref="PlannerOutput"/> ↔ bytes (<see cref="SizeBytes"/>): target accel (f64), mode, lane-change state,
/// transition (u8 each), target lane (i32), lateral target, progress (f64), alerts, takeover reason, fault (u8 each),
/// lead id (i32), lead gap, desired gap, required decel (f64), curvature (f64), lateral authority, lateral reason
/// (u8 each). Every field, so a comparison of two commands' bytes is a
/// comparison of everything the planner decided.
/// </summary>
public static class ControlCommandCodec
{
    public const int SizeBytes = 8 + 3 + 4 + 8 + 8 + 3 + 4 + (3 * 8) + 8 + 2;

    public static void Write(in PlannerOutput value, Span<byte> destination)
    {
        var c = new PayloadWriter(destination);
        c.WriteDouble(value.TargetAccelMps2);
        c.WriteByte((byte)value.Mode);
        c.WriteByte((byte)value.LaneChangeState);
        c.WriteByte((byte)value.LaneChangeTransition);
        c.WriteInt32(value.TargetLaneIndex);
        c.WriteDouble(value.LateralTargetOffsetM);
        c.WriteDouble(value.LaneChangeProgress);
        c.WriteByte((byte)value.Alerts);
        c.WriteByte((byte)value.TakeoverReason);
        c.WriteByte((byte)value.Fault);
        c.WriteInt32(value.LeadId);
        c.WriteDouble(value.LeadGapM);
        c.WriteDouble(value.DesiredGapM);
        c.WriteDouble(value.RequiredDecelMps2);
        c.WriteDouble(value.CurvaturePerM);
        c.WriteByte((byte)value.LateralAuthority);
        c.WriteByte((byte)value.LateralReason);
    }

    public static PlannerOutput Read(ReadOnlySpan<byte> source)
    {
        PayloadChecks.RequireLength(source, SizeBytes, "control command");
        var c = new PayloadReader(source);
        return new PlannerOutput
        {
            TargetAccelMps2 = c.ReadDouble(),
            Mode = (LongitudinalMode)c.ReadByte(),
            LaneChangeState = (LaneChangeState)c.ReadByte(),
            LaneChangeTransition = (LaneChangeReason)c.ReadByte(),
            TargetLaneIndex = c.ReadInt32(),
            LateralTargetOffsetM = c.ReadDouble(),
            LaneChangeProgress = c.ReadDouble(),
            Alerts = (PlannerAlerts)c.ReadByte(),
            TakeoverReason = (TakeoverReason)c.ReadByte(),
            Fault = (InputFault)c.ReadByte(),
            LeadId = c.ReadInt32(),
            LeadGapM = c.ReadDouble(),
            DesiredGapM = c.ReadDouble(),
            RequiredDecelMps2 = c.ReadDouble(),
            CurvaturePerM = c.ReadDouble(),
            LateralAuthority = (LateralAuthority)c.ReadByte(),
            LateralReason = (LateralReason)c.ReadByte(),
        };
    }
}
