using Octopilot.Bench.Runner.Probe;
using Octopilot.Bench.Runner.Sampling;
using Octopilot.Planner.Tick;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Host.Bench;

/// <summary>
/// What `octopilot bench` hangs on a sim run (<see cref="Sim.SimRunOptions.Bench"/>): the stage probe the inference and tick
/// threads write, the process sampler the reporter thread reads each interval, a progress callback, and — filled by the
/// sim at the end of the run window — the pipeline's and tick loop's own counters.
/// </summary>
internal sealed class BenchHooks
{
    public required StageProbe Probe { get; init; }

    /// <summary>Fraction of the run done, on the reporter thread.</summary>
    public Action<double>? Progress { get; init; }

    public ProcessSampler? Sampler { get; set; }

    public ProcessSample? Start { get; set; }

    public BenchSimOutcome? Outcome { get; set; }
}

/// <summary>The sim's own counters for the run window, read before it stopped.</summary>
internal sealed record BenchSimOutcome(
    PipelineStatistics Pipeline, TickLoopStatistics Tick, double WallS, long ConsumerSteadyStateBytes, long ConsumerSteadyStateSets, string Provider,
    long RunStartNs, long TickPeriodNs, long SetsProcessed, IReadOnlyList<string> CameraNames, Octopilot.Core.Frames.CameraMode Mode, string? ModelPath,
    IReadOnlyList<Octopilot.Cameras.FrameTransfer> Transfers);

/// <summary>Two tick observers in turn (the replay's command log and the bench's probe).</summary>
internal sealed class TickObserverPair(Octopilot.Planner.Realtime.IPlannerTickObserver first, Octopilot.Planner.Realtime.IPlannerTickObserver second)
    : Octopilot.Planner.Realtime.IPlannerTickObserver
{
    public void OnTick(in Octopilot.Planner.Inputs.PlannerInputs inputs, in Octopilot.Planner.Outputs.PlannerOutput command)
    {
        first.OnTick(inputs, command);
        second.OnTick(inputs, command);
    }
}
