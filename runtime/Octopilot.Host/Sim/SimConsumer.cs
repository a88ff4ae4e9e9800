using Octopilot.Pipeline;
using Octopilot.Pipeline.Assembly;

namespace Octopilot.Host.Sim;

/// <summary>
/// The consumer end of the sim pipeline, on its own thread, where inference will run (next issue): takes each set,
/// measures its end-to-end latency, offers it to the snapshot, returns it. Measures its own steady-state allocation.
/// </summary>
internal sealed class SimConsumer : IDisposable
{
    /// <summary>Sets taken before the allocation meter starts (JIT warm-up).</summary>
    private const int WarmupSets = 30;

    private readonly FramePipeline _pipeline;
    private readonly SetLatencyMeter _latency;
    private readonly SnapshotCapture? _snapshot;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private long _setsTaken;
    private long _allocatedBytesAfterWarmup;

    public SimConsumer(FramePipeline pipeline, SetLatencyMeter latency, SnapshotCapture? snapshot)
    {
        _pipeline = pipeline;
        _latency = latency;
        _snapshot = snapshot;
        _thread = new Thread(Run) { IsBackground = true, Name = "frameset-consumer" };
    }

    public long SetsTaken => Interlocked.Read(ref _setsTaken);

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

            using (lease)
            {
                _latency.Record(_pipeline.Clock.NowNs - lease.Slab.MaxStartOfFrameNs);
                _snapshot?.Offer(lease);
            }

            long taken = Interlocked.Increment(ref _setsTaken);
            if (taken == WarmupSets)
            {
                baselineBytes = GC.GetAllocatedBytesForCurrentThread();
            }
            else if (taken > WarmupSets)
            {
                Interlocked.Exchange(ref _allocatedBytesAfterWarmup, GC.GetAllocatedBytesForCurrentThread() - baselineBytes);
            }
        }
    }
}
