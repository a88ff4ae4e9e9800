using System.Threading.Channels;
using Octopilot.Cameras;
using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Capture;
using Octopilot.Pipeline.Slabs;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Pipeline;

/// <summary>
/// The capture half of the runtime: N camera sources, one dedicated capture thread each, writing into a pool of
/// <c>[N,H,W,3]</c> slabs, assembled into frame sets for one consumer (the inference thread).
/// Lifetime: construct (allocates all frame memory), <see cref="Start"/> (opens cameras, starts threads), take sets with
/// <see cref="TryTakeSet"/> and dispose each lease, <see cref="Stop"/>, dispose. The sources are owned by the caller.
/// </summary>
public sealed class FramePipeline : IDisposable
{
    private readonly IReadOnlyList<ICameraSource> _sources;
    private readonly IClock _clock;
    private readonly Channel<CaptureFault> _faults;
    private readonly CameraCaptureLoop[] _loops;
    private bool _started;
    private bool _disposed;

    public FramePipeline(PipelineOptions options, IReadOnlyList<ICameraSource> sources, IClock clock)
    {
        options.Validate();
        if (sources.Count == 0)
        {
            throw new ArgumentException("a frame pipeline needs at least one camera source", nameof(sources));
        }

        Options = options;
        _sources = sources;
        _clock = clock;
        Pool = new FrameSlabPool(options.SlabCount, sources.Count, options.Mode);
        var assemblerOptions = new AssemblerOptions(
            sources.Count, options.SyncToleranceNs, options.EffectiveSetDeadlineNs, options.Mode.FramePeriodNs);
        Assembler = new FrameSetAssembler(Pool, assemblerOptions, sources.Select(s => s.Name).ToArray());
        _faults = Channel.CreateBounded<CaptureFault>(new BoundedChannelOptions(PipelineOptions.FaultChannelCapacity)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
            SingleWriter = false,
        });
        _loops = new CameraCaptureLoop[sources.Count];
        for (int i = 0; i < sources.Count; i++)
        {
            _loops[i] = new CameraCaptureLoop(i, sources[i], Assembler, clock, _faults.Writer, options.CaptureLoop);
        }
    }

    public PipelineOptions Options { get; }

    public FrameSlabPool Pool { get; }

    public FrameSetAssembler Assembler { get; }

    public IClock Clock => _clock;

    public int CameraCount => _sources.Count;

    /// <summary>Failed capture steps, oldest dropped first when nobody reads. Read by the host for logging.</summary>
    public ChannelReader<CaptureFault> Faults => _faults.Reader;

    public IReadOnlyList<CameraCaptureLoop> Loops => _loops;

    /// <summary>Opens every camera in the pipeline mode (throws <see cref="CameraException"/> naming the camera) and starts the capture threads.</summary>
    public void Start()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_started)
        {
            throw new InvalidOperationException("frame pipeline already started");
        }

        foreach (ICameraSource source in _sources)
        {
            source.Open(Options.Mode);
        }

        _started = true;
        foreach (CameraCaptureLoop loop in _loops)
        {
            loop.Start();
        }
    }

    /// <summary>
    /// Waits up to <paramref name="maxWaitMs"/> for the next frame set (shipping sets at their deadlines meanwhile).
    /// The caller owns the lease and must dispose it.
    /// </summary>
    public bool TryTakeSet(int maxWaitMs, CancellationToken stopToken, out FrameSetLease lease) =>
        Assembler.WaitAndTakeReady(_clock, maxWaitMs, stopToken, out lease);

    /// <summary>Fills <paramref name="target"/> with the current counters; allocation-free.</summary>
    public void ReadStatistics(PipelineStatistics target)
    {
        for (int i = 0; i < _loops.Length; i++)
        {
            target.Cameras[i] = Assembler.Counters[i].Snapshot();
        }

        (target.SetsComplete, target.SetsIncomplete, target.SetsDropped) = Assembler.SetCounts();
        target.LeasedSets = Assembler.LeasedCount;
        long bytes = 0, frames = 0;
        foreach (CameraCaptureLoop loop in _loops)
        {
            bytes += loop.SteadyStateAllocatedBytes;
            frames += loop.SteadyStateFrames;
        }

        target.CaptureSteadyStateAllocatedBytes = bytes;
        target.CaptureSteadyStateFrames = frames;
        Assembler.CopyHistograms(target.SyncSkew, target.AssemblyLatency);
    }

    /// <summary>Stops every capture thread and waits for them. Sets already shipped stay takeable.</summary>
    public void Stop()
    {
        foreach (CameraCaptureLoop loop in _loops)
        {
            loop.Stop();
        }
    }

    /// <summary>Stops the threads and frees the frame memory. Every lease must have been disposed first.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        foreach (CameraCaptureLoop loop in _loops)
        {
            loop.Dispose();
        }

        // Ready sets nobody took go back so the pool can free its memory.
        while (Assembler.TryTakeReady(_clock.NowNs, out FrameSetLease lease))
        {
            lease.Dispose();
        }

        _disposed = true;
        Pool.Dispose();
    }
}
