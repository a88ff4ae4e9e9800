using BenchmarkDotNet.Attributes;
using Octopilot.Replay.Playback;
using Octopilot.Replay.Tests.Infrastructure;

namespace Octopilot.Benchmarks.Replay;

/// <summary>
/// Issue 6's planner-only replay speed (goal ≥ 50× real time): a 60 s drive's planner side — 6,000 ticks at 100 Hz with
/// their inputs and commands, 1,000 world models with 2 tracked objects — loaded from disk (page cache warm) and every
/// command recomputed and compared bit for bit, as `octopilot replay DIR --planner-only --compare` does.
/// Real-time factor = 60 s / mean.
/// </summary>
[MemoryDiagnoser]
public class PlannerReplaySpeedBenchmarks
{
    private const int Ticks = 6_000;
    private string _folder = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _folder = Path.Combine(Path.GetTempPath(), "octopilot-bench-replay-" + Environment.ProcessId);
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        SyntheticDrive.Write(_folder, Ticks);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_folder, recursive: true);

    [Benchmark]
    public long ReplayPlannerOnly60s()
    {
        using DriveReplayer replayer = DriveReplayer.Open(
            new ReplayOptions { DriveFolder = _folder, PlannerOnly = true, StopAtFirstDivergence = true }, TextWriter.Null);
        ReplayResult result = replayer.Run();
        if (!result.Identical || result.CommandsCompared != Ticks)
        {
            throw new InvalidOperationException($"replay diverged or fell short: {result.CommandsCompared} compared, {result.CommandsDiffering} differ");
        }

        return result.CommandsCompared;
    }
}
