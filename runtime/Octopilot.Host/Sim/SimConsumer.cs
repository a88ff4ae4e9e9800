using Octopilot.Inference.Engine;
using Octopilot.Inference.Perception;
using Octopilot.Pipeline;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;
using Octopilot.Replay.Recording;

namespace Octopilot.Host.Sim;

/// <summary>
/// The consumer end of the sim pipeline, on its own thread (the inference thread): takes each set, runs the HydraNet on
/// it (when configured), builds and publishes the world model (when configured), measures inference and end-to-end
/// latency, offers it to the snapshot, returns it. Measures its own steady-state allocation, which must stay zero with
/// inference and the world model included (BEV pictures, written on request, are excluded).
/// </summary>
internal sealed class SimConsumer : IDisposable
{
    /// <summary>Sets taken before the allocation meter starts (JIT warm-up, ORT's first-run arena growth).</summary>
    private const int WarmupSets = 30;

    private readonly FramePipeline _pipeline;
    private readonly SetLatencyMeter _endToEnd;
    private readonly SetLatencyMeter _inference;
    private readonly SnapshotCapture? _snapshot;
    private readonly IPerceptionEngine? _engine;
    private readonly PerceptionFrameSet? _results;
    private readonly SimWorldModel? _worldModel;
    private readonly DriveRecording? _recording;
    private readonly Octopilot.Bench.Runner.Probe.StageProbe? _probe;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _setsTaken;
    private long _detections;
    private long _allocatedBytesAfterWarmup;

    public SimConsumer(
        FramePipeline pipeline, SetLatencyMeter endToEnd, SetLatencyMeter inference, SnapshotCapture? snapshot, IPerceptionEngine? engine, SimWorldModel? worldModel,
        DriveRecording? recording = null, Octopilot.Bench.Runner.Probe.StageProbe? probe = null)
    {
        _probe = probe;
        _worldModel = worldModel;
        _recording = recording;
        _pipeline = pipeline;
        _endToEnd = endToEnd;
        _inference = inference;
        _snapshot = snapshot;
        _engine = engine;
        _results = engine?.CreateResults();
        _thread = new Thread(Run) { IsBackground = true, Name = "inference" };
    }

    public long SetsTaken => Interlocked.Read(ref _setsTaken);

    /// <summary>Detections above threshold over all cameras and sets.</summary>
    public long Detections => Interlocked.Read(ref _detections);

    public long SteadyStateSets => Math.Max(0, SetsTaken - WarmupSets);

    public long SteadyStateAllocatedBytes => Interlocked.Read(ref _allocatedBytesAfterWarmup);

    public void Start() => _thread.Start();

    /// <summary>Stops after the pipeline has stopped: takes what is still ready, then ends.</summary>
    public void StopAndJoin()
    {
        _stop.Cancel();
        _thread.Join();
    }

    public void Dispose() => _stop.Dispose();

    private void Run()
    {
        CancellationToken stopToken = _stop.Token;
        long baselineBytes = 0;
        while (true)
        {
            if (!_pipeline.TryTakeSet(100, stopToken, out FrameSetLease lease))
            {
                if (stopToken.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            bool handedOver = false;
            long takenNs = _pipeline.Clock.NowNs;
            try
            {
                if (_engine is not null && _results is not null)
                {
                    _engine.Run(lease, _results);
                    _inference.Record(_results.InferenceEndNs - _results.InferenceStartNs);
                    Interlocked.Add(ref _detections, CountDetections(_results));
                    _probe?.Delay(Octopilot.Bench.Runner.Probe.Stage.Inference);
                }

                long perceivedNs = _pipeline.Clock.NowNs;
                _probe?.Delay(Octopilot.Bench.Runner.Probe.Stage.Fusion);
                _worldModel?.Process(lease, _results);
                if (_probe is not null)
                {
                    FrameSlab slab = lease.Slab;
                    _probe.OnWorldModelPublished(
                        lease.SetSequence, slab.MinStartOfFrameNs, slab.MaxStartOfFrameNs, slab.ShippedNs, takenNs, perceivedNs, _pipeline.Clock.NowNs);
                }

                // End to end: newest start of frame in the set until its world model is published (or the set is taken).
                _endToEnd.Record(_pipeline.Clock.NowNs - lease.Slab.MaxStartOfFrameNs);
                _snapshot?.Offer(lease);

                // Recording last, off the latency path: the recorder may take the lease and compress the frames on its
                // own thread, straight from the slab; it then returns the slab itself.
                if (_recording is not null)
                {
                    handedOver = _worldModel is null
                        ? _recording.OnFrameSet(lease, default, null)
                        : _recording.OnFrameSet(lease, _worldModel.EgoMotion, _worldModel.Snapshot);
                }
            }
            finally
            {
                if (!handedOver)
                {
                    lease.Dispose();
                }
            }

            long taken = Interlocked.Increment(ref _setsTaken);
            if (taken == WarmupSets)
            {
                baselineBytes = GC.GetAllocatedBytesForCurrentThread() - (_worldModel?.BevAllocatedBytes ?? 0);
            }
            else if (taken > WarmupSets)
            {
                long pictures = _worldModel?.BevAllocatedBytes ?? 0;
                Interlocked.Exchange(ref _allocatedBytesAfterWarmup, GC.GetAllocatedBytesForCurrentThread() - baselineBytes - pictures);
            }
        }
    }

    private static int CountDetections(PerceptionFrameSet results)
    {
        // Indexed, not foreach: enumerating an IReadOnlyList boxes an enumerator on every set.
        int count = 0;
        for (int camera = 0; camera < results.Cameras.Count; camera++)
        {
            count += results.Cameras[camera].DetectionCount;
        }

        return count;
    }
}
