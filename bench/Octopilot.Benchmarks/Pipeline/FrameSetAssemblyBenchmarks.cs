using BenchmarkDotNet.Attributes;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.Pipeline.Assembly;
using Octopilot.Pipeline.Slabs;

namespace Octopilot.Benchmarks.Pipeline;

/// <summary>
/// Cost of the pipeline's bookkeeping, without pixels: how long the assembler lock work takes per frame and per set.
/// Pixels are not written here (the renderer and V4L2 conversion benchmarks cover that), so these numbers are the
/// pipeline's own overhead on top of capture.
/// </summary>
[MemoryDiagnoser]
public class FrameSetAssemblyBenchmarks
{
    private const long PeriodNs = 27_777_778; // 36 fps, the vehicle rate
    private FrameSlabPool _pool = null!;
    private FrameSetAssembler _assembler = null!;
    private long _frame;

    [Params(1, 8)]
    public int Cameras { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var mode = new CameraMode(1280, 960, PixelFormat.Rgb24, 36);
        _pool = new FrameSlabPool(4, Cameras, mode);
        var options = new AssemblerOptions(Cameras, TimeUnits.MsToNs(2), TimeUnits.MsToNs(20), PeriodNs);
        _assembler = new FrameSetAssembler(_pool, options, Enumerable.Range(0, Cameras).Select(i => $"cam{i}").ToArray());
    }

    [GlobalCleanup]
    public void Cleanup() => _pool.Dispose();

    /// <summary>
    /// One full set cycle: every camera begins and completes its slot, the set ships, the consumer takes the lease and
    /// returns it. With 1 camera this is the bare slab lease/return round trip.
    /// </summary>
    [Benchmark]
    public long AssembleTakeReturnSet()
    {
        long startNs = _frame * PeriodNs;
        for (int camera = 0; camera < Cameras; camera++)
        {
            if (_assembler.TryBeginFrame(camera, startNs + (camera * 1000), _frame, startNs, out FrameSlot slot))
            {
                _assembler.CompleteFrame(slot, startNs);
            }
        }

        _frame++;
        if (_assembler.TryTakeReady(startNs, out FrameSetLease lease))
        {
            long sequence = lease.SetSequence;
            lease.Dispose();
            return sequence;
        }

        return -1;
    }
}
