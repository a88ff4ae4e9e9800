using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class StopAndResumeTests
{
    [Fact]
    public void Step_StoppedBehindStoppedLead_HoldsWithBrake()
    {
        var planner = new Planner(Road.Options);
        PlannerOutput output = Drive.Run(planner, 100, _ => Road.Inputs(0).With(Road.CarAhead(1, 3, 0)));
        Assert.Equal(LongitudinalMode.StandstillHold, output.Mode);
        Assert.Equal(Road.Options.StandstillHoldAccelMps2, output.TargetAccelMps2, 9);
    }

    [Fact]
    public void Step_LeadDepartsWithoutResume_StaysStopped()
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, 100, _ => Road.Inputs(0).With(Road.CarAhead(1, 3, 0)));
        PlannerOutput output = Drive.Run(planner, 300, i => Road.Inputs(0).With(Road.CarAhead(1, 3 + (i * 0.02), 2)));
        Assert.Equal(LongitudinalMode.StandstillHold, output.Mode);
        Assert.True(output.TargetAccelMps2 < 0);
    }

    [Fact]
    public void Step_ResumePressedAfterLeadDeparts_AcceleratesWithinJerkLimit()
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, 100, _ => Road.Inputs(0).With(Road.CarAhead(1, 3, 0)));
        PlannerOutput output = Drive.Run(planner, 100, i => Road.Inputs(0, resume: i < 5).With(Road.CarAhead(1, 20, 3)));
        Assert.NotEqual(LongitudinalMode.StandstillHold, output.Mode);
        Assert.True(output.TargetAccelMps2 > 0);
    }

    [Fact]
    public void Step_EngagedAtStandstillWithNoLead_WaitsForResume()
    {
        var planner = new Planner(Road.Options);
        PlannerOutput output = Drive.Run(planner, 100, _ => Road.Inputs(0, setSpeedMps: 20));
        Assert.Equal(LongitudinalMode.StandstillHold, output.Mode);
    }
}
