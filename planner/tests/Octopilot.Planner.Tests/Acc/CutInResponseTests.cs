using Octopilot.Planner.Acc;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class CutInResponseTests
{
    [Fact]
    public void Step_SlowCarCutsInAtShortGap_BrakingRampsWithinJerkLimit()
    {
        var planner = new Planner(Road.Options);
        double previous = double.NaN;
        double maxStep = AccEnvelope.MaxJerkMps3(25, Road.Options) * Road.Options.TickPeriodS;
        double minCommand = 0;
        Drive.Run(planner, 300, i =>
        {
            double yM = i < 100 ? 3.5 : 1.8; // crosses into the ego lane at tick 100
            return Road.Inputs(25, setSpeedMps: 25).With(Road.CarAhead(9, 15, 20, lane: 0) with { YM = yM });
        }, (i, o) =>
        {
            if (!double.IsNaN(previous))
            {
                Assert.True(Math.Abs(o.TargetAccelMps2 - previous) <= maxStep + 1e-12, $"tick {i}: step {o.TargetAccelMps2 - previous}");
            }

            previous = o.TargetAccelMps2;
            minCommand = Math.Min(minCommand, o.TargetAccelMps2);
            if (i >= 100)
            {
                Assert.Equal(9, o.LeadId);
            }
        });

        Assert.True(minCommand < -1.0, $"cut-in must cause braking, min command {minCommand}");
    }
}
