using Octopilot.Planner.Inputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class DesiredGapTests
{
    [Theory]
    [InlineData(TimeGapSetting.Short, 1.0)]
    [InlineData(TimeGapSetting.Medium, 1.5)]
    [InlineData(TimeGapSetting.Long, 2.0)]
    public void Step_LeadAhead_DesiredGapIsD0PlusSpeedTimesTimeGap(TimeGapSetting setting, double timeGapS)
    {
        var planner = new Planner(Road.Options);
        var output = planner.Step(Road.Inputs(25, gap: setting).With(Road.CarAhead(1, 50, 25)));
        Assert.Equal(Road.Options.StandstillDistanceM + (25 * timeGapS), output.DesiredGapM, 9);
    }

    [Fact]
    public void TimeGapS_SettingBelowFloor_NeverBelow0_8s()
    {
        // Validate refuses it; TimeGapS clamps anyway so an unvalidated options object cannot go below the standard.
        var options = new PlannerOptions { TimeGapShortS = 0.5 };
        Assert.Equal(PlannerOptions.MinTimeGapS, options.TimeGapS(TimeGapSetting.Short));
        Assert.Throws<ArgumentOutOfRangeException>(options.Validate);
    }

    [Fact]
    public void Step_SteadyFollowingAtDesiredGap_CommandsZeroAccel()
    {
        var planner = new Planner(Road.Options);
        double desired = Road.Options.StandstillDistanceM + (20 * 1.5);
        var output = Drive.Run(planner, 100, _ => Road.Inputs(20, setSpeedMps: 30).With(Road.CarAhead(1, desired, 20)));
        Assert.Equal(0, output.TargetAccelMps2, 6);
        Assert.Equal(Outputs.LongitudinalMode.Follow, output.Mode);
    }
}
