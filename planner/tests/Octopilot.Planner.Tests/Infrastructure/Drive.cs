using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;

namespace Octopilot.Planner.Tests.Infrastructure;

/// <summary>Runs a planner open-loop for a number of ticks with inputs from a function of the tick index.</summary>
internal static class Drive
{
    public static PlannerOutput Run(Planner planner, int ticks, Func<int, PlannerInputs> inputsAt, Action<int, PlannerOutput>? observe = null)
    {
        PlannerOutput last = default;
        for (int i = 0; i < ticks; i++)
        {
            PlannerInputs inputs = inputsAt(i);
            last = planner.Step(inputs);
            observe?.Invoke(i, last);
        }

        return last;
    }

    public static int Seconds(double s) => (int)Math.Round(s / Road.Options.TickPeriodS);
}
