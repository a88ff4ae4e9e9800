using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Reading;
using Octopilot.DriveLog.Recording;
using Octopilot.Planner.Inputs;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Playback;

/// <summary>
/// Everything of a drive except the camera frames, loaded into memory in one pass (a 30 s sim drive holds ~3,000 ticks
/// and ~450 sets: a few MB): the frame sets the consumer processed, the world models it published, the planner's
/// ticks and commands, vehicle states, events, and the damage the reader found. Frames stay on disk and are streamed
/// by <see cref="ReplayFrameReader"/> while replaying. Loading allocates; replaying does not.
/// </summary>
public sealed class DriveTimeline
{
    private DriveTimeline(SegmentInfo info)
    {
        Info = info;
    }

    public SegmentInfo Info { get; }

    public string Folder { get; private init; } = string.Empty;

    /// <summary>Processed frame sets in processing order.</summary>
    public List<FrameSetRecord> FrameSets { get; } = [];

    /// <summary>Recorded world models (payload bytes) by stamp.</summary>
    public Dictionary<long, byte[]> WorldModels { get; } = [];

    /// <summary>Planner ticks with their commands, in tick order.</summary>
    public List<RecordedCommand> Commands { get; } = [];

    public List<(long TimestampNs, VehicleState State)> VehicleStates { get; } = [];

    public List<(long TimestampNs, DriveEventKind Kind, string Text)> Events { get; } = [];

    public IReadOnlyList<DriveLogDamage> Damages { get; private set; } = [];

    /// <summary>Camera frame records seen (not decoded here).</summary>
    public long CameraFrames { get; private set; }

    /// <summary>Ticks whose command record was missing (damage) and were left out.</summary>
    public long TicksWithoutCommand { get; private set; }

    /// <summary>Records whose payload did not fit its layout (reported, skipped).</summary>
    public List<string> PayloadErrors { get; } = [];

    /// <summary>Reads the drive in <paramref name="folder"/>. Throws <see cref="DriveLogException"/> when it holds no readable segment.</summary>
    public static DriveTimeline Load(string folder)
    {
        using var reader = DriveReader.Open(folder);
        var records = new Loader();
        while (reader.TryReadNext(out DriveRecord record))
        {
            records.Timeline ??= new DriveTimeline(reader.Info!) { Folder = folder };
            records.Cameras = records.Cameras > 0 ? records.Cameras : RigCameraCount(reader.Info!);
            try
            {
                records.Timeline.Add(record, records.Cameras, ref records.PendingTick);
            }
            catch (PayloadException e)
            {
                records.Timeline.PayloadErrors.Add($"segment {record.SegmentIndex} offset {record.FileOffset}: {record.Header.Type} at {record.Header.TimestampNs} ns: {e.Message}");
            }
        }

        DriveTimeline timeline = records.Timeline
            ?? (reader.Info is { } info ? new DriveTimeline(info) { Folder = folder } : throw new DriveLogException($"drive {folder}: no segment header or record could be read", folder));
        if (records.PendingTick is not null)
        {
            timeline.TicksWithoutCommand++;
        }

        timeline.Damages = reader.Damages.ToArray();
        timeline.FrameSets.Sort((a, b) => a.SetSequence.CompareTo(b.SetSequence));
        return timeline;
    }

    private void Add(DriveRecord record, int cameras, ref RecordedTick? pendingTick)
    {
        ReadOnlySpan<byte> payload = record.Payload;
        switch (record.Header.Type)
        {
            case RecordType.CameraFrame:
                CameraFrames++;
                break;
            case RecordType.FrameSet:
                var set = new FrameSetRecord(cameras);
                FrameSetCodec.Read(payload, set);
                FrameSets.Add(set);
                break;
            case RecordType.WorldModel:
                WorldModels[record.Header.TimestampNs] = payload.ToArray();
                break;
            case RecordType.PlannerTick:
                if (pendingTick is not null)
                {
                    TicksWithoutCommand++;
                }

                pendingTick = PlannerTickCodec.Read(payload);
                break;
            case RecordType.ControlCommand:
                if (pendingTick is { } tick && tick.NowNs == record.Header.TimestampNs)
                {
                    Commands.Add(new RecordedCommand(tick, ControlCommandCodec.Read(payload), payload.ToArray()));
                }

                pendingTick = null;
                break;
            case RecordType.VehicleState:
                VehicleStates.Add((record.Header.TimestampNs, VehicleStateCodec.Read(payload)));
                break;
            case RecordType.Event:
                if (EventPayload.TryRead(payload, out DriveEventKind kind, out _))
                {
                    Events.Add((record.Header.TimestampNs, kind, EventPayload.ReadText(payload)));
                }

                break;
        }
    }

    /// <summary>Load state: the timeline once the first header is known, the rig's camera count, a tick awaiting its command.</summary>
    private sealed class Loader
    {
        public DriveTimeline? Timeline;
        public int Cameras;
        public RecordedTick? PendingTick;
    }

    private static int RigCameraCount(SegmentInfo info)
    {
        int cameras = info.Streams.Count(s => s.Type == RecordType.CameraFrame);
        if (cameras is < 1 or > 32)
        {
            throw new DriveLogException($"drive {info.DriveId}: the segment header lists {cameras} camera streams; 1..32 are needed for replay");
        }

        return cameras;
    }
}
