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
        PlannerInputs stale = normal;
        stale.NowNs += 2_000_000_000; // the lateral controller holds, then releases with a takeover
        PlannerInputs curved = normal;
        curved.World.EgoCentreLine = new Octopilot.Planner.Lateral.LaneCentreLine(0.2, 0.01, 0.001, 1e-6, 0.9);
        planner.Step(normal); // warm-up: JIT and static tables
        planner.Step(bad);
        planner.Step(stale);
        planner.Step(curved);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 1000; i++)
        {
            planner.Step(i % 100 == 99 ? bad : i % 300 < 150 ? curved : i % 500 > 380 ? stale : normal);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
