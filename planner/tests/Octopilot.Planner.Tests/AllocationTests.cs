using Octopilot.Planner.Inputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests;

public sealed class AllocationTests
{
    [Fact]
    public void Step_1000TicksWithTrafficLaneChangeAndFaults_AllocatesZeroBytes()
    {
        var planner = new Planner(Road.Options);
        PlannerInputs normal = Road.Inputs(25, signal: Side.Left).With(
            Road.CarAhead(1, 40, 22), Road.CarAhead(2, 30, 25, lane: 0), Road.CarBehind(3, 10, 27, lane: 0), Road.CarAhead(4, 50, 20, lane: 2));
        PlannerInputs bad = normal;
        bad.World.EgoLateralOffsetM = double.NaN;
        planner.Step(normal); // warm-up: JIT and static tables
        planner.Step(bad);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            planner.Step(i % 100 == 99 ? bad : normal);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
