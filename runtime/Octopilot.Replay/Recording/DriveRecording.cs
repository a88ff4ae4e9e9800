using System.Text.Unicode;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using Octopilot.Fusion.Tracking;
using Octopilot.Pipeline.Assembly;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Realtime;
using Octopilot.Replay.Codecs;

namespace Octopilot.Replay.Recording;

/// <summary>
/// What a running drive writes into the drive log, from the threads that produce it, without blocking or allocating:
/// <list type="bullet">
/// <item>inference thread, per processed set (<see cref="OnFrameSet"/>): the frame-set record and the world model
/// (critical, into its own ring), and the set's frames (the slab lease handed to the recorder, compressed there;
/// dropped first and counted when the recorder is behind, per-camera decimation);</item>
/// <item>tick thread, per tick (<see cref="IPlannerTickObserver.OnTick"/>): the planner's inputs by reference and its
/// command, plus an event when the mode, lane-change state, alerts or input fault change;</item>
/// <item>the vehicle interface (<see cref="OnVehicleState"/>): each vehicle state it publishes.</item>
/// </list>
/// Each method must be called from one thread only (its producer ring is single-producer).
/// </summary>
public sealed class DriveRecording : IPlannerTickObserver
{
    /// <summary>Stream ids of the non-camera producers (camera frames use the camera index).</summary>
    public const ushort InferenceStreamId = 0;
    public const ushort PlannerStreamId = 0;
    public const ushort VehicleStreamId = 0;

    private static readonly string[] ModeNames = Enum.GetNames<LongitudinalMode>();
    private static readonly string[] LaneChangeNames = Enum.GetNames<Planner.LaneChange.LaneChangeState>();

    private readonly DriveRecorder _recorder;
    private readonly RecordProducer _inference;
    private readonly RecordProducer _planner;
    private readonly RecordProducer _vehicle;
    private readonly FrameSetBatchPool _batches;
    private readonly FrameSetRecord _set;
    private readonly int[] _decimation;
    private readonly byte[] _inferenceScratch;
    private readonly byte[] _plannerScratch = new byte[Math.Max(PlannerTickCodec.SizeBytes, ControlCommandCodec.SizeBytes)];
    private readonly byte[] _eventScratch = new byte[256];
    private readonly byte[] _vehicleScratch = new byte[VehicleStateCodec.SizeBytes];
    private long _setsSeen;
    private long _framesRecorded;
    private long _framesNotRecorded;
    private bool _havePrevious;
    private PlannerOutput _previous;

    /// <param name="recorder">The started recorder; owned by the caller (stop it after the producers are done).</param>
    /// <param name="cameraCount">Cameras in the rig.</param>
    /// <param name="widthPx">Frame width.</param>
    /// <param name="heightPx">Frame height.</param>
    /// <param name="decimation">Per camera: record one set in n (1 = every set). Null: every set of every camera.</param>
    public DriveRecording(DriveRecorder recorder, int cameraCount, int widthPx, int heightPx, IReadOnlyList<int>? decimation = null)
    {
        _recorder = recorder;
        _decimation = new int[cameraCount];
        for (int c = 0; c < cameraCount; c++)
        {
            int n = decimation is null ? 1 : decimation[c];
            if (n < 1)
            {
                throw new ArgumentException($"camera {c}: decimation {n} is not allowed; 1 records every frame, n one in n", nameof(decimation));
            }

            _decimation[c] = n;
        }

        _inference = recorder.CreateProducer("inference", RecorderOptions.DefaultProducerCapacityBytes);
        _planner = recorder.CreateProducer("planner-tick", RecorderOptions.DefaultProducerCapacityBytes);
        _vehicle = recorder.CreateProducer("vehicle", 256 << 10);
        _batches = new FrameSetBatchPool(recorder.Options.MaxQueuedBatches + 2, widthPx, heightPx);
        _set = new FrameSetRecord(cameraCount);
        _inferenceScratch = new byte[Math.Max(FrameSetCodec.SizeOf(cameraCount), WorldModelCodec.MaxSizeBytes)];
    }

    /// <summary>Camera frames handed to the recorder.</summary>
    public long FramesRecorded => Interlocked.Read(ref _framesRecorded);

    /// <summary>Camera frames that were in a set but not recorded because the recorder was behind (decimation not counted).</summary>
    public long FramesNotRecorded => Interlocked.Read(ref _framesNotRecorded);

    /// <summary>
    /// Records one processed set and its world model. Returns true when the recorder took the lease (it disposes it
    /// after compressing the frames); false when the caller still owns it and must dispose it.
    /// </summary>
    public bool OnFrameSet(in FrameSetLease lease, in EgoMotion egoMotion, in WorldModelSnapshot? snapshot)
    {
        uint wanted = 0;
        uint arrived = lease.Slab.ArrivedMask;
        for (int c = 0; c < _decimation.Length; c++)
        {
            if ((arrived & (1u << c)) != 0 && _setsSeen % _decimation[c] == 0)
            {
                wanted |= 1u << c;
            }
        }

        _setsSeen++;

        // The set's facts are read before the lease may go to the recorder: once handed over, the recorder can return
        // the slab to the pipeline (and a camera refill it) at any moment.
        CaptureSet(lease, egoMotion);
        bool taken = false;
        if (wanted != 0 && _batches.TryTake(out FrameSetBatch? batch))
        {
            batch!.Load(lease, wanted, lease.Slab.MaxStartOfFrameNs);
            taken = _recorder.TryEnqueueBatch(batch);
            if (!taken)
            {
                batch.Load(default, 0, 0);
                _batches.Return(batch);
            }
        }

        int wantedCount = System.Numerics.BitOperations.PopCount(wanted);
        Interlocked.Add(ref taken ? ref _framesRecorded : ref _framesNotRecorded, wantedCount);
        _set.RecordedMask = taken ? wanted : 0;
        int setLength = FrameSetCodec.Write(_set, _inferenceScratch);
        _inference.TryWrite(RecordType.FrameSet, InferenceStreamId, _set.NewestStartOfFrameNs, _inferenceScratch.AsSpan(0, setLength));
        if (snapshot is { } world)
        {
            int length = WorldModelCodec.Write(world, _inferenceScratch);
            _inference.TryWrite(RecordType.WorldModel, InferenceStreamId, world.TimestampNs, _inferenceScratch.AsSpan(0, length));
        }

        return taken;
    }

    public void OnTick(in PlannerInputs inputs, in PlannerOutput command)
    {
        PlannerTickCodec.Write(new RecordedTick(inputs.NowNs, inputs.World.TimestampNs, inputs.Vehicle), _plannerScratch);
        _planner.TryWrite(RecordType.PlannerTick, PlannerStreamId, inputs.NowNs, _plannerScratch.AsSpan(0, PlannerTickCodec.SizeBytes));
        ControlCommandCodec.Write(command, _plannerScratch);
        _planner.TryWrite(RecordType.ControlCommand, PlannerStreamId, inputs.NowNs, _plannerScratch.AsSpan(0, ControlCommandCodec.SizeBytes));
        WriteTransitions(inputs.NowNs, command);
    }

    /// <summary>Records a vehicle state as the vehicle interface published it.</summary>
    public void OnVehicleState(long timestampNs, in VehicleState state)
    {
        VehicleStateCodec.Write(state, _vehicleScratch);
        _vehicle.TryWrite(RecordType.VehicleState, VehicleStreamId, timestampNs, _vehicleScratch);
    }

    private void CaptureSet(in FrameSetLease lease, in EgoMotion egoMotion)
    {
        var slab = lease.Slab;
        _set.SetSequence = lease.SetSequence;
        _set.ArrivedMask = slab.ArrivedMask;
        _set.EgoSpeedMps = egoMotion.SpeedMps;
        _set.EgoYawRateRadps = egoMotion.YawRateRadps;
        for (int c = 0; c < _set.CameraCount; c++)
        {
            bool present = lease.HasCamera(c);
            _set.StartOfFrameNs[c] = present ? slab.StartOfFrameNs(c) : 0;
            _set.CameraSequence[c] = present ? slab.CameraSequence(c) : 0;
        }
    }

    private void WriteTransitions(long nowNs, in PlannerOutput command)
    {
        if (_havePrevious)
        {
            if (command.Mode != _previous.Mode)
            {
                WriteEvent(nowNs, DriveEventKind.StateTransition, Utf8.TryWrite(EventText, $"longitudinal mode {Name(ModeNames, (int)_previous.Mode)} -> {Name(ModeNames, (int)command.Mode)}", out int n), n);
            }

            if (command.LaneChangeState != _previous.LaneChangeState)
            {
                WriteEvent(nowNs, DriveEventKind.StateTransition, Utf8.TryWrite(EventText, $"lane change {Name(LaneChangeNames, (int)_previous.LaneChangeState)} -> {Name(LaneChangeNames, (int)command.LaneChangeState)} (reason code {(int)command.LaneChangeTransition})", out int n), n);
            }

            if (command.Alerts != _previous.Alerts)
            {
                WriteEvent(nowNs, DriveEventKind.Alert, Utf8.TryWrite(EventText, $"alerts 0x{(int)_previous.Alerts:X2} -> 0x{(int)command.Alerts:X2} (takeover reason code {(int)command.TakeoverReason})", out int n), n);
            }

            if (command.Fault != _previous.Fault)
            {
                WriteEvent(nowNs, DriveEventKind.Fault, Utf8.TryWrite(EventText, $"planner input fault code {(int)_previous.Fault} -> {(int)command.Fault}", out int n), n);
            }
        }

        _previous = command;
        _havePrevious = true;
    }

    /// <summary>Writes an event whose text is already in <see cref="EventText"/> (formatted there with <c>Utf8.TryWrite</c>: no allocation).</summary>
    private void WriteEvent(long nowNs, DriveEventKind kind, bool formatted, int textBytes)
    {
        if (!formatted)
        {
            return; // cannot happen with these texts and 254 bytes; an event is not worth a failure on the tick
        }

        EventPayload.WriteKind(_eventScratch, kind);
        _planner.TryWrite(RecordType.Event, PlannerStreamId, nowNs, _eventScratch.AsSpan(0, EventPayload.TextOffset + textBytes));
    }

    private Span<byte> EventText => _eventScratch.AsSpan(EventPayload.TextOffset);

    private static string Name(string[] names, int value) => (uint)value < (uint)names.Length ? names[value] : "?";
}
