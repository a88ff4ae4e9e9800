using Octopilot.Planner.Inputs;

namespace Octopilot.Replay.Codecs;

/// <summary>
/// One planner tick's inputs as the tick thread saw them (<see cref="RecordedTick"/>) ↔ bytes (<see cref="SizeBytes"/>):
/// tick time (i64), the stamp of the world model it used (i64; 0 = none yet), then the vehicle state
/// (<see cref="VehicleStateCodec"/>). The world model itself is recorded once per set, not per tick.
/// </summary>
public static class PlannerTickCodec
{
    public const int SizeBytes = 8 + 8 + VehicleStateCodec.SizeBytes;

    public static void Write(in RecordedTick value, Span<byte> destination)
    {
        var c = new PayloadWriter(destination);
        c.WriteInt64(value.NowNs);
        c.WriteInt64(value.WorldTimestampNs);
        VehicleStateCodec.Write(ref c, value.Vehicle);
    }

    public static RecordedTick Read(ReadOnlySpan<byte> source)
    {
        PayloadChecks.RequireLength(source, SizeBytes, "planner tick");
        var c = new PayloadReader(source);
        long now = c.ReadInt64();
        long world = c.ReadInt64();
        return new RecordedTick(now, world, VehicleStateCodec.Read(ref c));
    }
}

/// <summary>A tick's inputs by reference: its time, which world model (by stamp), and the vehicle state read.</summary>
public readonly record struct RecordedTick(long NowNs, long WorldTimestampNs, VehicleState Vehicle);
