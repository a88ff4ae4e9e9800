using Octopilot.Planner.Acc;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class JerkLimitTests
{
    [Fact]
    public void Step_LargeSpeedError_CommandRisesAtMostJerkTimesDtPerTick()
    {
        var planner = new Planner(Road.Options);
        double previous = 0;
        double maxStep = AccEnvelope.MaxJerkMps3(10, Road.Options) * Road.Options.TickPeriodS;
        Drive.Run(planner, 200, _ => Road.Inputs(10, setSpeedMps: 30), (_, o) =>
        {
            Assert.InRange(o.TargetAccelMps2 - previous, -1e-12, maxStep + 1e-12);
            previous = o.TargetAccelMps2;
        });

        Assert.Equal(AccEnvelope.MaxAccelMps2(10, Road.Options), previous, 9);
    }

    [Fact]
    public void Limit_DesiredFarBelow_MovesByExactlyOneStep()
    {
        Assert.Equal(-0.05, JerkLimiter.Limit(0, -5, 5, 0.01), 12);
        Assert.Equal(1.0, JerkLimiter.Limit(1.0, 1.0, 5, 0.01), 12);
    }
}
