using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Faults;

public sealed class StalenessTests
{
    private static readonly long StaleNs = (long)(Road.Options.StaleAfterS * 1e9) + Road.TickNs;

    private static PlannerInputs Stale(double speedMps, Side signal = Side.None)
    {
        PlannerInputs inputs = Road.Inputs(speedMps, signal: signal, nowNs: 10_000_000_000);
        inputs.World.TimestampNs = inputs.NowNs - StaleNs;
        return inputs;
    }

    [Fact]
    public void Step_WorldOlderThanBound_RampsToGentleDecelAndRequestsTakeover()
    {
        var planner = new Planner(Road.Options);
        double previous = 0;
        PlannerOutput output = Drive.Run(planner, 300, _ => Stale(25), (_, o) =>
        {
            Assert.True(Math.Abs(o.TargetAccelMps2 - previous) <= (Road.Options.FallbackJerkMps3 * 0.01) + 1e-12);
            previous = o.TargetAccelMps2;
        });
        Assert.Equal(LongitudinalMode.Fallback, output.Mode);
        Assert.Equal(TakeoverReason.WorldModelStale, output.TakeoverReason);
        Assert.Equal(-Road.Options.FallbackDecelMps2, output.TargetAccelMps2, 9);
        Assert.Equal(300, planner.State.StaleTicks);
    }

    [Fact]
    public void Step_WorldStale_NoNewLaneChange()
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, 5, _ => Stale(25, Side.Left));
        Assert.Equal(LaneChangeState.Cancelled, planner.State.LaneChangeState);
    }

    [Fact]
    public void Step_FreshWorldAfterStale_ResumesNormalControl()
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, 50, _ => Stale(25));
        PlannerOutput output = Drive.Run(planner, 10, _ => Road.Inputs(25, setSpeedMps: 25));
        Assert.Equal(LongitudinalMode.Cruise, output.Mode);
    }
}
