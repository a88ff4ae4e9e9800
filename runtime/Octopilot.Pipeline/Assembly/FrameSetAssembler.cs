using System.Diagnostics;
using Octopilot.Core.Statistics;
using Octopilot.Pipeline.Slabs;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Pipeline.Assembly;

/// <summary>
/// Groups camera frames into frame sets, writing them straight into slabs, and hands finished sets to one consumer.
/// <para>Rules. A frame joins the filling set whose start-of-frame spread stays within the sync tolerance and whose slot
/// is free; otherwise it opens a new set. A set ships when every online camera has arrived, or at its deadline (counted
/// from the first frame) without the rest. A frame whose set already shipped is late and discarded. When no slab is free
/// the newest frame wins: the oldest set the consumer has not started is dropped, then the oldest idle filling set;
/// only if neither exists is the incoming frame dropped. Capture never blocks.</para>
/// <para>Threads: any number of camera threads and one consumer thread. All state changes happen under one lock held
/// for a few hundred nanoseconds; pixel writes happen outside it. Methods that need the lock are named *Unsynchronized
/// and assert it. Time comes in as arguments (from the pipeline's IClock), so tests decide it exactly.</para>
/// <para>Allocation: none after construction.</para>
/// </summary>
public sealed partial class FrameSetAssembler
{
    // A Monitor, not System.Threading.Lock: Lock allocates its waiter event on the managed heap the first time two
    // threads contend, which can happen at any moment of a run; Monitor keeps contention and wait state native.
    // The consumer also waits on this monitor (Monitor.Wait), so a ship can never slip between its check and its wait.
    private readonly object _gate = new();
    private readonly FrameSlabPool _pool;
    private readonly int[] _readyQueue;
    private readonly CameraCounters[] _counters;
    private int _readyHead;
    private int _readyCount;
    private int _leasedCount;
    private uint _onlineMask;
    private long _nextSetSequence;
    private long _newestShippedMinStartNs = long.MinValue;
    private long _setsComplete;
    private long _setsIncomplete;
    private long _setsDropped;

    public FrameSetAssembler(FrameSlabPool pool, AssemblerOptions options, IReadOnlyList<string> cameraNames)
    {
        if (pool.CameraCount != options.CameraCount || cameraNames.Count != options.CameraCount)
        {
            throw new ArgumentException(
                $"camera counts disagree: pool {pool.CameraCount}, options {options.CameraCount}, names {cameraNames.Count}",
                nameof(options));
        }

        _pool = pool;
        Options = options;
        _readyQueue = new int[pool.SlabCount];
        _counters = new CameraCounters[options.CameraCount];
        for (int i = 0; i < _counters.Length; i++)
        {
            _counters[i] = new CameraCounters(cameraNames[i]);
        }

        _onlineMask = options.AllCamerasMask;
        SkewHistogram = new LogHistogram();
        AssemblyLatencyHistogram = new LogHistogram();
        for (int i = 0; i < pool.SlabCount; i++)
        {
            pool[i].ResetForNewSet();
        }
    }

    public AssemblerOptions Options { get; }

    public FrameSlabPool Pool => _pool;

    /// <summary>Per-camera counters, in rig order.</summary>
    public IReadOnlyList<CameraCounters> Counters => _counters;

    /// <summary>Start-of-frame spread of each shipped set. Read it through <see cref="CopyHistograms"/>.</summary>
    internal LogHistogram SkewHistogram { get; }

    /// <summary>From a set's first frame to its shipping, per shipped set.</summary>
    internal LogHistogram AssemblyLatencyHistogram { get; }

    /// <summary>Leases handed to the consumer and not yet returned. Zero at rest; anything else is a leak.</summary>
    public int LeasedCount
    {
        get
        {
            lock (_gate)
            {
                return _leasedCount;
            }
        }
    }

    /// <summary>Counts of shipped sets with every camera, shipped sets missing some, and sets dropped unconsumed.</summary>
    public (long Complete, long Incomplete, long Dropped) SetCounts()
    {
        lock (_gate)
        {
            return (_setsComplete, _setsIncomplete, _setsDropped);
        }
    }

    /// <summary>Copies the skew and assembly-latency histograms under the lock, without allocating.</summary>
    public void CopyHistograms(LogHistogram skewTarget, LogHistogram latencyTarget)
    {
        lock (_gate)
        {
            SkewHistogram.CopyTo(skewTarget);
            AssemblyLatencyHistogram.CopyTo(latencyTarget);
        }
    }

    /// <summary>
    /// Marks a camera offline (disconnected: sets stop waiting for it) or back online. Sets that were only waiting for it
    /// ship at once.
    /// </summary>
    public void SetCameraOnline(int camera, bool online, long nowNs)
    {
        lock (_gate)
        {
            uint bit = 1u << camera;
            _onlineMask = online ? _onlineMask | bit : _onlineMask & ~bit;
            ShipCompletedUnsynchronized(nowNs);
        }
    }

    [Conditional("DEBUG")]
    private void AssertLockHeld() => Debug.Assert(Monitor.IsEntered(_gate), "caller must hold the assembler lock");
}
