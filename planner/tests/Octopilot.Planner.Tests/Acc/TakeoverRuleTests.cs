using Octopilot.Planner.Acc;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Acc;

public sealed class TakeoverRuleTests
{
    [Fact]
    public void Step_LeadBrakes6Mps2At12mFrom50Kph_TakeoverAtOnceAndMaxDecelCommanded()
    {
        var planner = new Planner(Road.Options);
        double speed = 50 / 3.6;
        PlannerOutput first = planner.Step(Road.Inputs(speed).With(Road.CarAhead(1, 12, speed, accelMps2: -6)));
        Assert.True(first.TakeoverRequested);
        Assert.Equal(TakeoverReason.InsufficientAuthority, first.TakeoverReason);

        // Open loop the requirement stays ≈ 3.85 m/s² (within the 4.1 envelope, above 80 % of it): command it.
        PlannerOutput later = Drive.Run(planner, 150, _ => Road.Inputs(speed).With(Road.CarAhead(1, 12, speed, accelMps2: -6)));
        Assert.InRange(-later.TargetAccelMps2, Road.Options.TakeoverDecelFraction * AccEnvelope.MaxDecelMps2(speed, Road.Options),
            AccEnvelope.MaxDecelMps2(speed, Road.Options));
    }

    [Fact]
    public void Step_StoppedCarCloseAhead_RequiredDecelAboveEnvelope_Takeover()
    {
        var planner = new Planner(Road.Options);
        // 25 m/s towards a stopped car 60 m ahead: needs 25²/(2·59) ≈ 5.3 m/s² > 3.5.
        PlannerOutput output = planner.Step(Road.Inputs(25).With(Road.CarAhead(1, 60, 0)));
        Assert.True(output.RequiredDecelMps2 > 5);
        Assert.Equal(TakeoverReason.InsufficientAuthority, output.TakeoverReason);

        // Beyond authority: the maximum allowed deceleration, reached through the jerk ramp.
        PlannerOutput later = Drive.Run(planner, 200, _ => Road.Inputs(25).With(Road.CarAhead(1, 60, 0)));
        Assert.Equal(-AccEnvelope.MaxDecelMps2(25, Road.Options), later.TargetAccelMps2, 9);
    }

    [Fact]
    public void Step_LeadBrakes2Mps2At40m_NoTakeover()
    {
        var planner = new Planner(Road.Options);
        double speed = 50 / 3.6;
        PlannerOutput output = Drive.Run(planner, 10, _ => Road.Inputs(speed).With(Road.CarAhead(1, 40, speed, accelMps2: -2)));
        Assert.False(output.TakeoverRequested);
    }

    [Fact]
    public void Step_ConditionClears_TakeoverHeldForHoldTime()
    {
        var planner = new Planner(Road.Options);
        planner.Step(Road.Inputs(25).With(Road.CarAhead(1, 60, 0)));
        int holdTicks = Drive.Seconds(Road.Options.TakeoverHoldS);
        PlannerOutput during = Drive.Run(planner, holdTicks - 1, _ => Road.Inputs(25));
        PlannerOutput after = Drive.Run(planner, 2, _ => Road.Inputs(25));
        Assert.True(during.TakeoverRequested);
        Assert.False(after.TakeoverRequested);
    }
}
