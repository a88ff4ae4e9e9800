using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;

namespace Octopilot.Planner.Tests.Lateral;

/// <summary>The lateral controller as wired into <see cref="Planner.Step(in PlannerInputs)"/>.</summary>
public sealed class PlannerLateralTests
{
    /// <summary>A left curve of radius 500 m, ego on its centre line.</summary>
    private static readonly LaneCentreLine LeftCurveR500 = new(0, 0, 1.0 / (2 * 500), 0, 0.9);

    [Fact]
    public void Step_CurvedCentreLine_SteersActivelyTowardsTheCurve()
    {
        var planner = new Planner(Road.Options);
        PlannerOutput last = Drive.Run(planner, Drive.Seconds(2), i => Curved(i));

        Assert.Equal(LateralAuthority.Active, last.LateralAuthority);
        Assert.Equal(LateralReason.None, last.LateralReason);
        Assert.InRange(last.CurvaturePerM, 0.9 / 500, 1.1 / 500);
        Assert.False(last.TakeoverRequested);
    }

    [Fact]
    public void Step_WorldModelStaleBeyondTheHold_ReleasesAndRequestsTakeover()
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, Drive.Seconds(1), i => Curved(i));
        int staleFrom = Drive.Seconds(1);
        long frozenNs = (staleFrom - 1) * Road.TickNs;

        // The world model stops at its last stamp; the planner keeps ticking for the hold (1 s) and then some.
        PlannerOutput last = Drive.Run(planner, Drive.Seconds(1.5), i =>
        {
            PlannerInputs inputs = Curved(staleFrom + i);
            inputs.World.TimestampNs = frozenNs;
            return inputs;
        });

        Assert.Equal(LateralAuthority.None, last.LateralAuthority);
        Assert.Equal(LateralReason.WorldModelStale, last.LateralReason);
        Assert.True(last.TakeoverRequested);
        Assert.True(planner.State.Lateral.TakeoverLatchedNow);
        Assert.True(Math.Abs(last.CurvaturePerM) < 0.9 / 500, $"the curvature ramps towards 0 after the hold, got {last.CurvaturePerM}");
    }

    [Fact]
    public void Step_NoEgoLaneYetWhileEngaged_NoAuthority_ButNoTakeover()
    {
        var planner = new Planner(Road.Options);
        PlannerInputs inputs = Road.Inputs(25);
        inputs.World.EgoCentreLine = default;

        PlannerOutput output = planner.Step(inputs);

        // The lateral side never steered, so there is nothing to hand back: it shows no authority instead.
        Assert.Equal(LateralAuthority.None, output.LateralAuthority);
        Assert.Equal(LateralReason.LaneLost, output.LateralReason);
        Assert.Equal(TakeoverReason.None, output.TakeoverReason);
        Assert.False(output.TakeoverRequested);
    }

    [Fact]
    public void Step_LanesLostBeyondTheHold_RaisesTheLateralTakeover()
    {
        var planner = new Planner(Road.Options);
        Drive.Run(planner, Drive.Seconds(1), i => Curved(i));
        int lostFrom = Drive.Seconds(1);

        PlannerOutput last = Drive.Run(planner, Drive.Seconds(1.2), i =>
        {
            PlannerInputs inputs = Curved(lostFrom + i);
            inputs.World.EgoCentreLine = default;
            return inputs;
        });

        Assert.Equal(LateralReason.LaneLost, last.LateralReason);
        Assert.Equal(TakeoverReason.LateralUnavailable, last.TakeoverReason);
        Assert.True(last.TakeoverRequested);
    }

    [Fact]
    public void Step_LaneChangeReachesChanging_StartsTheQuinticToTheTargetLane()
    {
        var planner = new Planner(Road.Options);
        bool sawStart = false;
        Drive.Run(planner, Drive.Seconds(3), i => Road.Inputs(25, signal: Side.Left, nowNs: i * Road.TickNs), (_, o) =>
        {
            if (o.LaneChangeState == Octopilot.Planner.LaneChange.LaneChangeState.Changing)
            {
                sawStart = true;
                Assert.True(planner.State.Lateral.LaneChangeRunning);
            }
        });

        Assert.True(sawStart);
        Assert.True(planner.State.Lateral.LaneChangeProgress > 0);
    }

    [Fact]
    public void Step_Disengaged_NoLateralAuthorityAndNoTakeover()
    {
        var planner = new Planner(Road.Options);
        PlannerInputs inputs = Road.Inputs(25, engaged: false);
        inputs.World.EgoCentreLine = default;

        PlannerOutput output = planner.Step(inputs);

        Assert.Equal(LateralAuthority.None, output.LateralAuthority);
        Assert.Equal(0, output.CurvaturePerM);
        Assert.False(output.TakeoverRequested);
    }

    [Fact]
    public void Step_BelowTheLateralMinimumSpeed_NoAuthorityAndNoTakeover()
    {
        var planner = new Planner(Road.Options);
        PlannerInputs inputs = Road.Inputs(Road.Options.LateralMinSpeedMps - 1);
        inputs.World.EgoCentreLine = LeftCurveR500;

        PlannerOutput output = Drive.Run(planner, Drive.Seconds(2), i =>
        {
            PlannerInputs tick = inputs;
            tick.NowNs = i * Road.TickNs;
            tick.World.TimestampNs = 0; // stale after 0.2 s: would latch a takeover if lateral were engaged
            return tick;
        });

        Assert.Equal(LateralAuthority.None, output.LateralAuthority);
        Assert.Equal(0, output.CurvaturePerM);
        Assert.NotEqual(TakeoverReason.LateralUnavailable, output.TakeoverReason);
    }

    [Fact]
    public void Validate_BadLateralOption_IsRefusedNamingIt()
    {
        var options = Road.Options with { Lateral = new LateralOptions { HoldS = 10 } };

        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new Planner(options));
        Assert.Equal(nameof(LateralOptions.HoldS), e.ParamName);
    }

    private static PlannerInputs Curved(int tick)
    {
        PlannerInputs inputs = Road.Inputs(25, nowNs: tick * Road.TickNs);
        inputs.World.EgoCentreLine = LeftCurveR500;
        inputs.Vehicle = inputs.Vehicle with { YawRateRadps = 25.0 / 500 };
        return inputs;
    }
}
