using BenchmarkDotNet.Attributes;
using Octopilot.Bench.Runner.Probe;

namespace Octopilot.Benchmarks.Bench;

/// <summary>
/// What `octopilot bench`'s instrumentation costs the pipeline: one set's row written by the inference thread and one
/// tick's stamps by the tick thread (a new world model each time, the costlier path). Must allocate 0 B.
/// </summary>
[MemoryDiagnoser]
public class StageProbeBenchmarks
{
    private const long Ms = 1_000_000;
    private StageProbe _probe = null!;
    private long _set;

    [GlobalSetup]
    public void Setup()
    {
        _probe = new StageProbe();
        _probe.SetTickGrid(0, 10 * Ms);
    }

    [Benchmark]
    public void SetRow()
    {
        long t = ++_set * 66 * Ms;
        _probe.OnWorldModelPublished(_set, t, t + Ms, t + (8 * Ms), t + (9 * Ms), t + (40 * Ms), t + (41 * Ms));
    }

    [Benchmark]
    public void TickWithNewWorldModel()
    {
        long t = ++_set * 10 * Ms;
        _probe.OnTick(t + 50_000, t, t + 60_000);
    }
}
