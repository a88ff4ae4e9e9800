using Octopilot.Bench.Runner.Probe;
using Octopilot.Core.Time;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Realtime;

namespace Octopilot.Host.Bench;

/// <summary>The planner tick's side of the stage probe: each tick's wake time, and when a new world model first became a command.</summary>
internal sealed class ProbeTickObserver(StageProbe probe, IClock clock) : IPlannerTickObserver
{
    public void OnTick(in PlannerInputs inputs, in PlannerOutput command) => probe.OnTick(inputs.NowNs, inputs.World.TimestampNs, clock.NowNs);
}
