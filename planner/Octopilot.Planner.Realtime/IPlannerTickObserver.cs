using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Realtime;

/// <summary>
/// Sees every planner tick's inputs and command, on the tick thread, right after the step (the drive recorder writes
/// them; replay recomputes from them). Must not block or allocate: it runs inside the real-time tick.
/// </summary>
public interface IPlannerTickObserver
{
    void OnTick(in PlannerInputs inputs, in PlannerOutput command);
}
