using System.Diagnostics;
using System.IO.Hashing;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.Fusion.Tracking;
using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Perception.Oracle;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;
using Octopilot.Planner;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Codecs;
using Octopilot.WorldModel;

namespace Octopilot.Replay.Playback;

/// <summary>
/// Deterministic replay of a recorded drive on one thread, ordered by the log's timestamps: the processed frame sets
/// are rebuilt from their recorded frames (decompressed straight into slabs through the frame assembler, as capture
/// would write them), perceived by the recorded perception (the HydraNet on the frames, or the oracle at the recorded
/// start-of-frame times), fused into world models by the same builder; every recorded planner tick is stepped again
/// with the world model it used live (by stamp) and the vehicle state it read, and its command compared bit for bit
/// with the recorded one. The planner's and the world model's state are rebuilt from the drive's start, so a replay
/// window (<see cref="ReplayOptions.FromS"/>) limits what is compared and paced, not what is computed.
/// </summary>
public sealed class DriveReplayer : IDisposable
{
    private readonly ReplayOptions _options;
    private readonly TextWriter _log;
    private readonly int _cameraCount;
    private readonly FrameSlabPool? _pool;
    private readonly FrameSetAssembler? _assembler;
    private readonly InferenceEngine? _engine;
    private readonly PerceptionFrameSet? _modelResults;
    private readonly OracleSetPerception? _oracle;
    private readonly WorldModelBuilder? _builder;
    private readonly ReplayFrameReader? _frames;
    private readonly byte[] _worldBytes = new byte[WorldModelCodec.MaxSizeBytes];
    private readonly byte[] _commandBytes = new byte[ControlCommandCodec.SizeBytes];
    private readonly long _deadlineNs;

    private DriveReplayer(ReplayOptions options, DriveTimeline timeline, TextWriter log)
    {
        _options = options;
        _log = log;
        Timeline = timeline;
        SegmentInfo info = timeline.Info;
        StreamInfo[] cameraStreams = info.Streams.Where(s => s.Type == RecordType.CameraFrame).OrderBy(s => s.StreamId).ToArray();
        _cameraCount = cameraStreams.Length;
        Perception = ReplayProperties.Require(info, ReplayProperties.Perception);
        if (options.PlannerOnly)
        {
            return;
        }

        int width = cameraStreams[0].WidthPx, height = cameraStreams[0].HeightPx;
        double fps = ReplayProperties.RequireDouble(info, ReplayProperties.FramesPerSecond);
        var mode = new CameraMode(width, height, PixelFormat.Rgb24, fps);
        CameraRig rig = RigFile.LoadText($"{info.DriveId}: recorded rig", info.Rig);
        if (rig.Count != _cameraCount)
        {
            throw new ReplayException($"drive {info.DriveId}: the recorded rig has {rig.Count} cameras but the drive has {_cameraCount} camera streams");
        }

        string[] names = rig.Cameras.Select(c => c.Name).ToArray();
        int stride = (int)ReplayProperties.RequireInt64(info, ReplayProperties.PerceptionStride);
        string[] classes = ReplayProperties.Require(info, ReplayProperties.ClassNames).Split(',');
        _deadlineNs = ReplayProperties.RequireInt64(info, ReplayProperties.SetDeadlineNs);
        long periodNs = (long)Math.Round(1e9 / fps);
        _pool = new FrameSlabPool(2, _cameraCount, mode);
        var assemblerOptions = new AssemblerOptions(_cameraCount, ReplayProperties.RequireInt64(info, ReplayProperties.SyncToleranceNs), _deadlineNs, periodNs);
        _assembler = new FrameSetAssembler(_pool, assemblerOptions, names);
        _frames = new ReplayFrameReader(timeline.Folder);
        if (Perception == "model")
        {
            _engine = OpenEngine(info, options, log);
            _engine.Bind(_pool, names);
            _modelResults = _engine.CreateResults();
            stride = _engine.Contract.Stride;
            classes = [.. _engine.Contract.Classes];
        }
        else if (Perception == "oracle")
        {
            string scenarioName = info.Properties.GetValueOrDefault(ReplayProperties.ScenarioFile, "recorded scenario");
            var world = new HighwayWorld(ScenarioFile.LoadText(scenarioName, ReplayProperties.Require(info, ReplayProperties.Scenario)));
            _oracle = new OracleSetPerception(
                rig.ScaledTo(width, height), world, stride, classes, (int)ReplayProperties.RequireInt64(info, ReplayProperties.MaxDetections),
                ReplayProperties.RequireInt64(info, ReplayProperties.SimStartNs));
        }
        else
        {
            throw new ReplayException($"drive {info.DriveId}: perception '{Perception}' is not one this build replays (oracle, model)");
        }

        _builder = WorldModelBuilderFactory.ForCapture(
            rig, width, height, stride, classes, WorldModelOptions.ForRangeNoise(Perception == "model" ? RecordedInferenceOptions.RangeNoiseFraction(info) : null));
    }

    public DriveTimeline Timeline { get; }

    /// <summary>The perception that drives the replayed world models: "oracle" or "model" (as recorded), or "recorded world models".</summary>
    public string Perception { get; }

    /// <summary>Loads the drive and prepares the replay. Throws <see cref="ReplayException"/> or <c>DriveLogException</c> naming what is wrong.</summary>
    public static DriveReplayer Open(ReplayOptions options, TextWriter log) => new(options, DriveTimeline.Load(options.DriveFolder), log);

    /// <summary>Replays every recorded tick up to the window's end; <paramref name="progress"/> gets the fraction done.</summary>
    public ReplayResult Run(Action<double>? progress = null, CancellationToken cancellationToken = default)
    {
        var result = new ReplayResult
        {
            Perception = _options.PlannerOnly ? "recorded world models" : Perception,
            Damages = Timeline.Damages,
        };
        result.Warnings.AddRange(Timeline.PayloadErrors);
        if (Timeline.TicksWithoutCommand > 0)
        {
            result.Warnings.Add($"{Timeline.TicksWithoutCommand} recorded ticks have no command record (damage); they are not compared");
        }

        List<RecordedCommand> ticks = Timeline.Commands;
        if (ticks.Count == 0)
        {
            result.Warnings.Add("the drive holds no planner ticks: nothing to replay");
            return result;
        }

        var planner = new Planner.Planner(new PlannerOptions());
        long firstNs = ticks[0].Tick.NowNs;
        long fromNs = _options.FromS is double from ? firstNs + TimeUnits.SecondsToNs(from) : long.MinValue;
        long toNs = _options.ToS is double to ? firstNs + TimeUnits.SecondsToNs(to) : long.MaxValue;
        var hash = new XxHash64();
        WorldModelSnapshot current = default;
        WorldModelSnapshot recorded = default;
        int setIndex = 0;
        var setIndexByStamp = new Dictionary<long, int>(Timeline.FrameSets.Count);
        for (int k = 0; k < Timeline.FrameSets.Count; k++)
        {
            setIndexByStamp[Timeline.FrameSets[k].NewestStartOfFrameNs] = k;
        }

        long wallStart = Stopwatch.GetTimestamp();
        long pacedFromNs = Math.Max(firstNs, fromNs);
        long lastTickNs = firstNs;
        for (int i = 0; i < ticks.Count && !cancellationToken.IsCancellationRequested; i++)
        {
            RecordedCommand entry = ticks[i];
            long nowNs = entry.Tick.NowNs;
            if (nowNs > toNs)
            {
                break;
            }

            long stampNs = entry.Tick.WorldTimestampNs;
            var inputs = new PlannerInputs { NowNs = nowNs, Vehicle = entry.Tick.Vehicle };
            if (stampNs != 0)
            {
                if (_options.PlannerOnly)
                {
                    if (Timeline.WorldModels.TryGetValue(stampNs, out byte[]? bytes))
                    {
                        WorldModelCodec.Read(bytes, ref recorded);
                        inputs.World = recorded;
                    }
                    else
                    {
                        result.WorldModelsUnavailable++;
                    }
                }
                else
                {
                    // The set that produced this world model, and every set the consumer processed before it, in the
                    // recorded processing order (not re-sorted by time: the replay does what the drive did).
                    if (setIndexByStamp.TryGetValue(stampNs, out int last))
                    {
                        while (setIndex <= last)
                        {
                            ProcessSet(Timeline.FrameSets[setIndex++], ref current, result);
                        }
                    }

                    if (current.TimestampNs == stampNs)
                    {
                        inputs.World = current;
                    }
                    else
                    {
                        result.WorldModelsUnavailable++;
                    }
                }
            }

            PlannerOutput command = planner.Step(inputs);
            ControlCommandCodec.Write(command, _commandBytes);
            hash.Append(_commandBytes);
            result.TicksReplayed++;
            lastTickNs = nowNs;
            if (nowNs >= fromNs)
            {
                result.CommandsCompared++;
                if (!_commandBytes.AsSpan().SequenceEqual(entry.CommandBytes))
                {
                    result.CommandsDiffering++;
                    result.FirstDivergence ??= Describe(i, entry, command, firstNs);
                    if (_options.StopAtFirstDivergence)
                    {
                        break;
                    }
                }

                Pace(nowNs - pacedFromNs, wallStart);
            }

            if ((i & 255) == 0)
            {
                progress?.Invoke((double)i / ticks.Count);
            }
        }

        progress?.Invoke(1.0);
        result.CommandStreamHash = hash.GetCurrentHashAsUInt64();
        result.DriveS = TimeUnits.NsToSeconds(lastTickNs - Math.Max(firstNs, Math.Min(fromNs, lastTickNs)));
        result.WallS = Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
        return result;
    }

    public void Dispose()
    {
        _frames?.Dispose();
        _engine?.Dispose();
        _pool?.Dispose();
    }

    private void ProcessSet(FrameSetRecord set, ref WorldModelSnapshot current, ReplayResult result)
    {
        FrameSetAssembler assembler = _assembler!;
        uint decoded = 0;
        while (_frames!.TryNext(set.SetSequence, out int camera, out ReadOnlySpan<byte> payload))
        {
            uint bit = 1u << camera;
            if (camera >= _cameraCount || (set.ArrivedMask & bit) == 0 || (decoded & bit) != 0)
            {
                continue; // not a camera of this set (or a duplicate): the recorded set record decides membership
            }

            long startOfFrameNs = set.StartOfFrameNs[camera];
            if (!assembler.TryBeginFrame(camera, startOfFrameNs, set.CameraSequence[camera], startOfFrameNs, out FrameSlot slot))
            {
                result.Warnings.Add($"set {set.SetSequence}: the assembler refused camera {camera}'s frame");
                continue;
            }

            if (FrameCodec.TryDecode(payload, slot.Pixels))
            {
                assembler.CompleteFrame(slot, startOfFrameNs);
                decoded |= bit;
                result.FramesDecoded++;
            }
            else
            {
                assembler.AbortFrame(slot, startOfFrameNs);
                result.FramesCorrupt++;
            }
        }

        result.FramesMissing += System.Numerics.BitOperations.PopCount(set.ArrivedMask & ~decoded);
        result.SetsProcessed++;
        FrameSetLease lease = default;
        bool haveLease = decoded != 0 && assembler.TryTakeReady(set.NewestStartOfFrameNs + _deadlineNs + TimeUnits.SecondsToNs(1), out lease);
        try
        {
            PerceptionFrameSet? driving;
            if (_engine is not null)
            {
                if (!haveLease)
                {
                    return; // no pixels for this set: the model cannot see it, and its world model is unavailable
                }

                _engine.Run(lease, _modelResults!);
                driving = _modelResults;
            }
            else
            {
                driving = _oracle!.Perceive(set.SetSequence, set.ArrivedMask, set.StartOfFrameNs);
            }

            _builder!.Update(driving!, new EgoMotion(set.EgoSpeedMps, set.EgoYawRateRadps), ref current);
            CompareWorld(current, result);
        }
        finally
        {
            if (haveLease)
            {
                lease.Dispose();
            }
        }
    }

    private void CompareWorld(in WorldModelSnapshot replayed, ReplayResult result)
    {
        if (!Timeline.WorldModels.TryGetValue(replayed.TimestampNs, out byte[]? recordedBytes))
        {
            return;
        }

        int length = WorldModelCodec.Write(replayed, _worldBytes);
        if (recordedBytes.Length == WorldModelCodec.LegacySizeOf(replayed.Objects.Count))
        {
            length -= WorldModelCodec.MarkingsBytes; // recorded before the markings trailer: compare what it holds
        }

        result.WorldModelsCompared++;
        if (!_worldBytes.AsSpan(0, length).SequenceEqual(recordedBytes))
        {
            result.WorldModelsDiffering++;
        }
    }

    private void Pace(long driveElapsedNs, long wallStart)
    {
        if (_options.Speed is not double speed)
        {
            return;
        }

        double dueS = TimeUnits.NsToSeconds(driveElapsedNs) / speed;
        double waitS = dueS - Stopwatch.GetElapsedTime(wallStart).TotalSeconds;
        if (waitS > 0.001)
        {
            Thread.Sleep(TimeSpan.FromSeconds(waitS)); // replay pacing is not a real-time tick: a sleep is accurate enough
        }
    }

    private static CommandDivergence Describe(int index, RecordedCommand entry, in PlannerOutput replayed, long firstNs)
    {
        PlannerOutput recorded = entry.Command;
        var fields = new List<string>();
        void Check(string name, double a, double b)
        {
            if (BitConverter.DoubleToInt64Bits(a) != BitConverter.DoubleToInt64Bits(b))
            {
                fields.Add(FormattableString.Invariant($"{name} recorded {a:R} replayed {b:R}"));
            }
        }

        void CheckValue<T>(string name, T a, T b)
            where T : IEquatable<T>
        {
            if (!a.Equals(b))
            {
                fields.Add($"{name} recorded {a} replayed {b}");
            }
        }

        Check("targetAccelMps2", recorded.TargetAccelMps2, replayed.TargetAccelMps2);
        CheckValue("mode", (int)recorded.Mode, (int)replayed.Mode);
        CheckValue("laneChangeState", (int)recorded.LaneChangeState, (int)replayed.LaneChangeState);
        CheckValue("laneChangeTransition", (int)recorded.LaneChangeTransition, (int)replayed.LaneChangeTransition);
        CheckValue("targetLaneIndex", recorded.TargetLaneIndex, replayed.TargetLaneIndex);
        Check("lateralTargetOffsetM", recorded.LateralTargetOffsetM, replayed.LateralTargetOffsetM);
        Check("laneChangeProgress", recorded.LaneChangeProgress, replayed.LaneChangeProgress);
        CheckValue("alerts", (int)recorded.Alerts, (int)replayed.Alerts);
        CheckValue("takeoverReason", (int)recorded.TakeoverReason, (int)replayed.TakeoverReason);
        CheckValue("fault", (int)recorded.Fault, (int)replayed.Fault);
        CheckValue("leadId", recorded.LeadId, replayed.LeadId);
        Check("leadGapM", recorded.LeadGapM, replayed.LeadGapM);
        Check("desiredGapM", recorded.DesiredGapM, replayed.DesiredGapM);
        Check("requiredDecelMps2", recorded.RequiredDecelMps2, replayed.RequiredDecelMps2);
        Check("curvaturePerM", recorded.CurvaturePerM, replayed.CurvaturePerM);
        CheckValue("lateralAuthority", (int)recorded.LateralAuthority, (int)replayed.LateralAuthority);
        CheckValue("lateralReason", (int)recorded.LateralReason, (int)replayed.LateralReason);
        return new CommandDivergence(
            index, entry.Tick.NowNs, TimeUnits.NsToSeconds(entry.Tick.NowNs - firstNs), CommandText(recorded), CommandText(replayed), fields);
    }

    private static string CommandText(in PlannerOutput c) => FormattableString.Invariant(
        $"accel {c.TargetAccelMps2:R} m/s², mode {c.Mode}, lane change {c.LaneChangeState}, lead {c.LeadId} at {c.LeadGapM:R} m, alerts {c.Alerts}, takeover {c.TakeoverReason}, fault {c.Fault}");

    private static InferenceEngine OpenEngine(SegmentInfo info, ReplayOptions options, TextWriter log)
    {
        string path = ReplayModelFile.Resolve(info, options.ModelPath, options.BaseDirectory, log);

        // One intra-op thread: the replay is deterministic by construction, not by the luck of a thread schedule.
        return InferenceEngine.Open(RecordedInferenceOptions.For(info, path, intraOpThreads: 1), new VirtualClock(0), log);
    }
}
