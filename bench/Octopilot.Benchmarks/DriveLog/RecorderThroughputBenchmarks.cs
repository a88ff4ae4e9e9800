using System.Diagnostics;
using System.Globalization;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using Octopilot.Replay.Codecs;
using Octopilot.Testing;

namespace Octopilot.Benchmarks.DriveLog;

/// <summary>
/// Issue 6's acceptance: the recorder sustains the default sim camera rate (8 cameras x 15 fps x 384x288 RGB24,
/// 331,776 bytes a frame, LZ4 on the recorder thread) without dropping. Frames are the default highway scenario
/// rendered by the synthetic cameras (so the compression ratio is the sim's), 2 s of scene pre-rendered and cycled.
/// A plain timed command rather than BenchmarkDotNet: the quantities are a sustained rate, drops and fsync stalls.
/// <list type="number">
/// <item>Flat out: <c>--seconds</c> of virtual drive (default 30: 450 sets, plus the 100 Hz tick records and a 3 KB
/// world model per set through producers) pushed as fast as the recorder takes them (a pool of
/// <see cref="RecorderOptions.DefaultMaxQueuedBatches"/> batches: the producer waits for one to come back);
/// reports sets/s against the 15 needed, MB/s, compression ratio, CPU.</item>
/// <item>Real rate: <c>--real-seconds</c> (default 10) at 15 sets/s and 100 ticks/s of wall clock; reports drops
/// (must be 0), the longest fsync and the deepest queue.</item>
/// </list>
/// fsync every second (the default policy). Run:
/// <c>dotnet run -c Release --project bench/Octopilot.Benchmarks -- recorder-throughput [--seconds 30] [--real-seconds 10] [--folder DIR]</c>
/// </summary>
internal static class RecorderThroughputBenchmarks
{
    private const int WidthPx = 384;
    private const int HeightPx = 288;
    private const double SetRateHz = 15.0;
    private const double TickRateHz = 100.0;
    private const int PreRenderedSets = 30; // 2 s of scene at 15 fps, cycled
    private const int WorldModelBytes = 3072;
    private const int TickRecordBytes = 96;

    public static int Run(string[] args)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        double virtualSeconds = double.Parse(Arg(args, "--seconds") ?? "30", c);
        double realSeconds = double.Parse(Arg(args, "--real-seconds") ?? "10", c);
        string parent = Arg(args, "--folder") ?? Path.GetTempPath();

        Console.Write("rendering frames ... ");
        byte[][][] sets = RenderSets(out int cameras);
        int frameBytes = WidthPx * HeightPx * 3;
        Console.WriteLine(string.Create(c, $"{PreRenderedSets} sets x {cameras} cameras of {frameBytes:N0} bytes"));
        Console.WriteLine(string.Create(c, $"recorder-throughput: {cameras} cameras x {SetRateHz} fps x {WidthPx}x{HeightPx} RGB24, LZ4 L00_FAST on the recorder thread, fsync every 1 s, into {parent}, {Environment.ProcessorCount} cores"));
        Console.WriteLine("| run | sets | wall s | sets/s (need 15) | MB/s written | frame compression | sets dropped | critical lost | fsyncs | max fsync ms | max queued | process CPU cores |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");

        int setCount = (int)Math.Round(virtualSeconds * SetRateHz);
        Result flat = Record(parent, sets, setCount, paced: false);
        Print("flat out", flat, c);
        Result real = Record(parent, sets, (int)Math.Round(realSeconds * SetRateHz), paced: true);
        Print("real rate (15 sets/s, 100 ticks/s)", real, c);
        return real.Statistics.BatchesDropped + real.PoolEmpty == 0 && real.Statistics.CriticalRecordsLost == 0 ? 0 : 1;
    }

    private static void Print(string name, Result r, CultureInfo c)
    {
        RecorderStatistics s = r.Statistics;
        double ratio = r.CompressedFrameBytes == 0 ? 0 : r.RawFrameBytes / (double)r.CompressedFrameBytes;
        Console.WriteLine(string.Create(c,
            $"| {name} | {r.Sets} | {r.WallS:F2} | {r.Sets / r.WallS:F1} | {s.BytesWritten / 1e6 / r.WallS:F1} | {ratio:F2}:1 ({r.CompressedFrameBytes / Math.Max(1, r.Frames) / 1024.0:F0} KiB a frame) | {s.BatchesDropped + r.PoolEmpty} | {s.CriticalRecordsLost} | {s.Fsyncs} | {s.MaxFsyncNs / 1e6:F1} | {s.MaxQueuedBatches} | {r.CpuS / r.WallS:F2} |"));
    }

    /// <summary>
    /// One recording: <paramref name="setCount"/> sets and the ticks between them, flat out or paced on the monotonic
    /// clock. Stamps are virtual (set k at k/15 s) when flat out, the monotonic clock when paced.
    /// </summary>
    private static Result Record(string parent, byte[][][] sets, int setCount, bool paced)
    {
        string folder = Path.Combine(parent, $"octopilot-bench-recorder-{Guid.NewGuid():N}");
        // Flat out: as many batches as the queue holds, so the producer waits for a free batch instead of spinning on a
        // full queue (each refusal would count as a drop). Paced: one more, as the slab pool holds one for the filling set.
        var pool = new BatchPool(RecorderOptions.DefaultMaxQueuedBatches + (paced ? 1 : 0));
        var statistics = new RecorderStatistics();
        var options = new RecorderOptions { DriveFolder = folder, SegmentTemplate = Template(sets[0].Length) };
        long poolEmpty = 0;
        long setPeriodNs = TimeUnits.PeriodNs(SetRateHz);
        long tickPeriodNs = TimeUnits.PeriodNs(TickRateHz);
        var tick = new byte[TickRecordBytes];
        var worldModel = new byte[WorldModelBytes];
        new Random(6).NextBytes(worldModel);
        TimeSpan cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        try
        {
            using (var recorder = new DriveRecorder(options))
            {
                RecordProducer ticks = recorder.CreateProducer("tick");
                RecordProducer inference = recorder.CreateProducer("inference");
                long startNs = MonotonicClock.Instance.NowNs;
                long nextTickNs = 0;
                for (int k = 0; k < setCount; k++)
                {
                    long setNs = k * setPeriodNs;
                    if (paced && !MonotonicClock.Instance.SleepUntil(startNs + setNs, CancellationToken.None))
                    {
                        break;
                    }

                    long stampBaseNs = paced ? startNs : 0;
                    for (; nextTickNs <= setNs; nextTickNs += tickPeriodNs)
                    {
                        // Ticks due before this set, in one go (paced: up to 67 ms late; the recorder does not care).
                        ticks.TryWrite(RecordType.VehicleState, 0, stampBaseNs + nextTickNs, tick);
                        ticks.TryWrite(RecordType.PlannerTick, 0, stampBaseNs + nextTickNs, tick);
                        ticks.TryWrite(RecordType.ControlCommand, 0, stampBaseNs + nextTickNs, tick);
                    }

                    inference.TryWrite(RecordType.WorldModel, 0, stampBaseNs + setNs, worldModel);
                    FrameSetBatch? batch = pool.TryRent();
                    while (batch is null && !paced)
                    {
                        Thread.Yield(); // flat out: the recorder is the bottleneck; wait for it
                        batch = pool.TryRent();
                    }

                    if (batch is null)
                    {
                        poolEmpty++; // paced: every batch still held by the recorder, as a pipeline would drop the set
                        continue;
                    }

                    batch.Prepare(k, stampBaseNs + setNs, sets[k % sets.Length]);
                    while (!recorder.TryEnqueueBatch(batch))
                    {
                        if (paced)
                        {
                            pool.Return(batch);
                            break;
                        }

                        Thread.Yield();
                    }
                }

                recorder.Stop();
                recorder.ReadStatistics(statistics);
            }

            double wallS = wall.Elapsed.TotalSeconds;
            double cpuS = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
            return new Result(setCount, wallS, cpuS, statistics, pool.RawFrameBytes, pool.CompressedFrameBytes, pool.Frames, poolEmpty);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    private static byte[][][] RenderSets(out int cameras)
    {
        CameraRig rig = RigFile.Load(RepositoryPaths.DefaultRig).ScaledTo(WidthPx, HeightPx);
        HighwayWorld world = SyntheticCameraRig.LoadWorld(RepositoryPaths.DefaultScenario);
        cameras = rig.Count;
        var renderers = new HighwayRenderer[rig.Count];
        for (int cam = 0; cam < rig.Count; cam++)
        {
            renderers[cam] = new HighwayRenderer(rig[cam], world);
        }

        var sets = new byte[PreRenderedSets][][];
        for (int k = 0; k < PreRenderedSets; k++)
        {
            long simNs = 1_000_000_000 + (k * TimeUnits.PeriodNs(SetRateHz));
            sets[k] = new byte[rig.Count][];
            for (int cam = 0; cam < rig.Count; cam++)
            {
                sets[k][cam] = new byte[renderers[cam].FrameBytes];
                renderers[cam].Render(simNs, sets[k][cam]);
            }
        }

        return sets;
    }

    private static SegmentInfo Template(int cameras) => new()
    {
        DriveId = "bench-recorder",
        SegmentIndex = 0,
        SoftwareVersion = "bench",
        CreatedUtc = string.Empty,
        StartTimestampNs = 0,
        SegmentLengthS = 0,
        ModelSha256 = string.Empty,
        Config = "{}",
        Rig = "{}",
        Streams = [.. Enumerable.Range(0, cameras).Select(cam => new StreamInfo
        {
            Type = RecordType.CameraFrame, StreamId = (ushort)cam, Name = $"camera {cam}", WidthPx = WidthPx, HeightPx = HeightPx,
        })],
    };

    private static string? Arg(string[] args, string name)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Result(int Sets, double WallS, double CpuS, RecorderStatistics Statistics, long RawFrameBytes, long CompressedFrameBytes, long Frames, long PoolEmpty);

    /// <summary>
    /// A frame set handed to the recorder as the inference thread will hand its slab lease: the frames stay where they
    /// are, the recorder thread compresses each with <see cref="FrameCodec"/> into its scratch and appends it, then
    /// <see cref="Release"/> returns the batch to the pool (the slab to the slab pool).
    /// </summary>
    private sealed class FrameSetBatch(BatchPool pool) : IDeferredRecordBatch
    {
        private byte[][] _frames = [];
        private long _sequence;

        public long TimestampNs { get; private set; }

        public void Prepare(long sequence, long timestampNs, byte[][] frames)
        {
            _sequence = sequence;
            TimestampNs = timestampNs;
            _frames = frames;
        }

        public void WriteRecords(IRecordSink sink)
        {
            for (int cam = 0; cam < _frames.Length; cam++)
            {
                byte[] rgb = _frames[cam];
                Span<byte> scratch = sink.GetScratch(FrameCodec.MaxPayloadBytes(rgb.Length));
                int length = FrameCodec.Encode(_sequence, _sequence, TimestampNs, WidthPx, HeightPx, rgb, scratch);
                sink.Append(RecordType.CameraFrame, RecordFlags.Lz4, (ushort)cam, TimestampNs, scratch[..length]);
                pool.CountFrame(rgb.Length, length - FrameCodec.PrefixBytes);
            }
        }

        public void Release() => pool.Return(this);
    }

    /// <summary>A fixed set of batches, rented by the producer and returned by the recorder thread (lock held for a push or pop).</summary>
    private sealed class BatchPool
    {
        private readonly Stack<FrameSetBatch> _free = new();
        private long _rawFrameBytes;
        private long _compressedFrameBytes;
        private long _frames;

        public BatchPool(int count)
        {
            for (int i = 0; i < count; i++)
            {
                _free.Push(new FrameSetBatch(this));
            }
        }

        public long RawFrameBytes => Interlocked.Read(ref _rawFrameBytes);

        public long CompressedFrameBytes => Interlocked.Read(ref _compressedFrameBytes);

        public long Frames => Interlocked.Read(ref _frames);

        public FrameSetBatch? TryRent()
        {
            lock (_free)
            {
                return _free.Count > 0 ? _free.Pop() : null;
            }
        }

        public void Return(FrameSetBatch batch)
        {
            lock (_free)
            {
                _free.Push(batch);
            }
        }

        public void CountFrame(int rawBytes, int compressedBytes)
        {
            Interlocked.Add(ref _rawFrameBytes, rawBytes);
            Interlocked.Add(ref _compressedFrameBytes, compressedBytes);
            Interlocked.Increment(ref _frames);
        }
    }
}
