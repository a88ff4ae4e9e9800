using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void Step_SameInputsTwice_BitIdenticalOutputs()
    {
        PlannerOutput[] first = Run();
        PlannerOutput[] second = Run();
        Assert.Equal(first, second);
    }

    private static PlannerOutput[] Run()
    {
        var state = default(PlannerState);
        var outputs = new PlannerOutput[800];
        for (int i = 0; i < outputs.Length; i++)
        {
            PlannerInputs inputs = Road.Inputs(25, signal: Side.Left).With(Road.CarAhead(1, 30 - (i * 0.01), 24));
            outputs[i] = Planner.Step(inputs, ref state, Road.Options);
        }

        return outputs;
    }
}
