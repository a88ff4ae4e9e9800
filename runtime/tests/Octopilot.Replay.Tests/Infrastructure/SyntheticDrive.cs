using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Writing;
using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;

namespace Octopilot.Replay.Tests.Infrastructure;

/// <summary>
/// Writes a drive without cameras, as the recording host would write its planner side: a world model every 6th tick
/// (15 Hz against the 100 Hz tick) with a lead car closing in on a gentle left curve, and every tick's inputs and the command a live planner
/// computed from them. Used by the planner-only replay tests and the replay-speed benchmark.
/// </summary>
internal static class SyntheticDrive
{
    public const long TickNs = 10_000_000;
    public const long StartNs = 1_000_000_000;

    /// <summary>Writes <paramref name="ticks"/> ticks into a new segment in <paramref name="folder"/>; <paramref name="alter"/> may change a command before it is written.</summary>
    public static void Write(string folder, int ticks, Func<int, PlannerOutput, PlannerOutput>? alter = null)
    {
        Directory.CreateDirectory(folder);
        var info = new SegmentInfo
        {
            DriveId = "synthetic", SegmentIndex = 0, SoftwareVersion = "test", CreatedUtc = "2026-11-25T00:00:00Z", StartTimestampNs = StartNs,
            SegmentLengthS = 3600, ModelSha256 = string.Empty, Config = "{}", Rig = "{}",
            Streams = [new StreamInfo { Type = RecordType.CameraFrame, StreamId = 0, Name = "front", WidthPx = 64, HeightPx = 48 }],
            Properties = new Dictionary<string, string> { [ReplayProperties.Perception] = "oracle" },
        };
        using SegmentWriter writer = SegmentWriter.Create(Path.Combine(folder, "segment-000000.oplog"), info);
        var planner = new Planner.Planner(new PlannerOptions());
        var vehicle = new VehicleState
        {
            SpeedMps = 25,
            Driver = new DriverInputs { Engaged = true, SetSpeedMps = 30, TimeGap = TimeGapSetting.Medium },
        };
        var worldBytes = new byte[WorldModelCodec.MaxSizeBytes];
        var tickBytes = new byte[PlannerTickCodec.SizeBytes];
        var commandBytes = new byte[ControlCommandCodec.SizeBytes];
        WorldModelSnapshot world = default;
        for (int i = 0; i < ticks; i++)
        {
            long nowNs = StartNs + (i * TickNs);
            if (i % 6 == 0)
            {
                world = World(nowNs - 30_000_000, i);
                int length = WorldModelCodec.Write(world, worldBytes);
                writer.Append(RecordType.WorldModel, RecordFlags.None, 0, world.TimestampNs, worldBytes.AsSpan(0, length));
            }

            var inputs = new PlannerInputs { NowNs = nowNs, World = world, Vehicle = vehicle };
            PlannerOutput command = planner.Step(inputs);
            command = alter?.Invoke(i, command) ?? command;
            PlannerTickCodec.Write(new RecordedTick(nowNs, world.TimestampNs, vehicle), tickBytes);
            writer.Append(RecordType.PlannerTick, RecordFlags.None, 0, nowNs, tickBytes);
            ControlCommandCodec.Write(command, commandBytes);
            writer.Append(RecordType.ControlCommand, RecordFlags.None, 0, nowNs, commandBytes);
        }
    }

    private static WorldModelSnapshot World(long stampNs, int tick)
    {
        var world = new WorldModelSnapshot
        {
            TimestampNs = stampNs, IsValid = true, LaneCount = 3, EgoLaneIndex = 1, LaneWidthM = 3.5,
            EgoCentreLine = new LaneCentreLine(0.05, 0.001, 1.0 / 2000, 0, 0.9), // a gentle left curve: the lateral side steers
            LeftCamerasHealthy = true, RightCamerasHealthy = true, FrontCamerasHealthy = true,
        };

        // A lead 60 m ahead closing at 3 m/s, and a car in the next lane.
        world.Objects.TryAdd(new TrackedObject { Id = 1, XM = 60 - (0.03 * tick), VxMps = 22, LengthM = 4.5, WidthM = 1.8, LaneIndex = 1 });
        world.Objects.TryAdd(new TrackedObject { Id = 2, XM = -15, YM = 3.5, VxMps = 26, LengthM = 4.5, WidthM = 1.8, LaneIndex = 0 });
        return world;
    }
}
