using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Tests.Lateral;

/// <summary>Drop-outs and bad input in the closed loop (R 500 m at 100 km/h): hold on the last good path, hand back,
/// reject with a counted reason; never a curvature step larger than κ̇_max(v)·dt.</summary>
public sealed class ValidityTests
{
    private const double RadiusM = 500;
    private const double SpeedKph = 100;

    private static double MaxStepPerM(LateralLoop loop) => loop.Options.MaxCurvatureRateAtPerMS(loop.SpeedMps) * LateralLoop.DtS;

    [Fact]
    public void Step_LanesLostFor1s_HoldsWithoutTakeoverAndResumes()
    {
        var loop = new LateralLoop(1 / RadiusM, SpeedKph, 0.0)
        {
            Tamper = (int tick, ref LateralInputs inputs) =>
            {
                if (tick is >= 500 and < 600)
                {
                    inputs.CentreLine = default;
                }
            },
        };
        loop.Run(12);

        Assert.All(loop.Samples.Skip(500).Take(100), s => Assert.Equal(LateralAuthority.Holding, s.Output.Authority));
        Assert.All(loop.Samples, s => Assert.False(s.Output.TakeoverRequested));
        Assert.Equal(LateralAuthority.Active, loop.Samples[600].Output.Authority);
        Assert.Equal(100, loop.State.Count(LateralReason.LaneLost));
        Assert.True(loop.MaxOffsetM() <= 0.1, $"max {loop.MaxOffsetM()}"); // the dead-reckoned path keeps the car in lane
        Assert.True(loop.MaxCommandStepPerM <= MaxStepPerM(loop) + 1e-12);
        LaneKeepingTests.AssertLimits(loop);
    }

    [Fact]
    public void Step_LanesLostFor5s_TakeoverAfterHoldAndCurvatureRampsToZero()
    {
        var loop = new LateralLoop(1 / RadiusM, SpeedKph, 0.0)
        {
            Tamper = (int tick, ref LateralInputs inputs) =>
            {
                if (tick is >= 500 and < 1000)
                {
                    inputs.CentreLine = default;
                }
            },
        };
        loop.Run(12);

        int holdTicks = (int)Math.Round(loop.Options.HoldS / LateralLoop.DtS);
        Assert.All(loop.Samples.Skip(500).Take(holdTicks), s => Assert.Equal(LateralAuthority.Holding, s.Output.Authority));
        LateralLoop.Sample handBack = loop.Samples[500 + holdTicks];
        Assert.Equal(LateralAuthority.None, handBack.Output.Authority);
        Assert.True(handBack.Output.TakeoverRequested);

        // After the hand-back: monotone ramp to 0 at the rate limit, then 0; the takeover stays latched (lanes are
        // back from tick 1000, but the driver must re-engage).
        List<LateralLoop.Sample> after = loop.Samples.Skip(500 + holdTicks).ToList();
        for (int i = 1; i < after.Count; i++)
        {
            Assert.True(Math.Abs(after[i].CommandPerM) <= Math.Abs(after[i - 1].CommandPerM));
        }

        Assert.Equal(0, loop.Samples[^1].CommandPerM);
        Assert.All(after, s => Assert.Equal(LateralAuthority.None, s.Output.Authority));
        Assert.True(loop.MaxCommandStepPerM <= MaxStepPerM(loop) + 1e-12);
    }

    [Fact]
    public void Step_DisengageAfterTakeover_ClearsLatchAndReengagesWithoutStep()
    {
        var options = new LateralOptions();
        var state = default(LateralState);
        LateralInputs good = Straight(new LaneCentreLine(0, 0, 0, 0, 1));
        LateralController.Step(good, ref state, options, 0.01);
        LateralInputs lost = Straight(default);
        for (int i = 0; i < 200; i++)
        {
            LateralController.Step(lost, ref state, options, 0.01);
        }

        Assert.True(state.TakeoverLatchedNow);
        LateralInputs off = Straight(new LaneCentreLine(0, 0, 0.001, 0, 1));
        off.Engaged = false;
        LateralOutput o = LateralController.Step(off, ref state, options, 0.01);
        Assert.False(state.TakeoverLatchedNow);
        Assert.Equal(LateralAuthority.None, o.Authority);

        // Re-engaging in a steady left curve seeds the curvature from the yaw rate: no step.
        LateralInputs on = Straight(new LaneCentreLine(0, 0, 0.001, 0, 1));
        on.YawRateRadps = 0.002 * on.SpeedMps;
        o = LateralController.Step(on, ref state, options, 0.01);
        Assert.Equal(LateralAuthority.Active, o.Authority);
        Assert.Equal(0.002, o.CurvaturePerM, 1e-5);
    }

    public static TheoryData<string> Faults() => ["nan-c0", "nan-c2", "inf-c3", "nan-speed", "jump", "stale", "invalid", "low-confidence"];

    [Theory]
    [MemberData(nameof(Faults))]
    public void Step_OneBadTick_RejectedCountedHoldsNoStep(string fault)
    {
        LateralReason expected = fault switch
        {
            "jump" => LateralReason.LaneJump,
            "stale" or "invalid" => LateralReason.WorldModelStale,
            "low-confidence" => LateralReason.LowConfidence,
            _ => LateralReason.NonFiniteInput,
        };
        var loop = new LateralLoop(1 / RadiusM, SpeedKph, 0.3)
        {
            Tamper = (int tick, ref LateralInputs inputs) =>
            {
                if (tick % 200 != 150)
                {
                    return;
                }

                LaneCentreLine c = inputs.CentreLine;
                switch (fault)
                {
                    case "nan-c0": inputs.CentreLine = new LaneCentreLine(double.NaN, c.C1, c.C2PerM, c.C3PerM2, 1); break;
                    case "nan-c2": inputs.CentreLine = new LaneCentreLine(c.C0M, c.C1, double.NaN, c.C3PerM2, 1); break;
                    case "inf-c3": inputs.CentreLine = new LaneCentreLine(c.C0M, c.C1, c.C2PerM, double.PositiveInfinity, 1); break;
                    case "nan-speed": inputs.SpeedMps = double.NaN; break;
                    case "jump": inputs.CentreLine = new LaneCentreLine(c.C0M + 2, c.C1, c.C2PerM, c.C3PerM2, 1); break;
                    case "stale": inputs.WorldModelAgeS = 0.5; break;
                    case "invalid": inputs.WorldModelValid = false; break;
                    default: inputs.CentreLine = new LaneCentreLine(c.C0M, c.C1, c.C2PerM, c.C3PerM2, 0.1); break;
                }
            },
        };
        loop.Run(10);

        Assert.Equal(5, loop.State.Count(expected));
        Assert.Equal(5, loop.State.TotalCount); // nothing else was rejected
        LateralLoop.Sample bad = loop.Samples[150];
        Assert.Equal(expected, bad.Output.Reason);
        Assert.Equal(LateralAuthority.Holding, bad.Output.Authority);
        Assert.False(bad.Output.TakeoverRequested);
        Assert.Equal(LateralAuthority.Active, loop.Samples[151].Output.Authority);
        Assert.All(loop.Samples, s => Assert.True(double.IsFinite(s.CommandPerM)));
        Assert.True(loop.MaxCommandStepPerM <= MaxStepPerM(loop) + 1e-12);
        Assert.True(loop.MaxOffsetM() <= 0.5);
    }

    [Fact]
    public void Step_RequestBeyondCurvatureLimit_ClampedCountedRateLimited()
    {
        // Centre line 3 m to the left at 130 km/h: pure pursuit asks 2·3/36² = 4.6e-3 1/m, v²κ = 6 m/s² > 3.
        var options = new LateralOptions();
        var state = default(LateralState);
        LateralInputs inputs = Straight(new LaneCentreLine(3, 0, 0, 0, 1));
        inputs.SpeedMps = 130 / 3.6;
        double maxKappa = options.MaxCurvatureAtPerM(inputs.SpeedMps);
        double maxStep = options.MaxCurvatureRateAtPerMS(inputs.SpeedMps) * 0.01;
        double previous = 0;
        LateralOutput o = default;
        for (int i = 0; i < 300; i++)
        {
            o = LateralController.Step(inputs, ref state, options, 0.01);
            Assert.True(Math.Abs(o.CurvaturePerM - previous) <= maxStep + 1e-15);
            Assert.True(Math.Abs(o.CurvaturePerM) <= maxKappa + 1e-15);
            previous = o.CurvaturePerM;
        }

        Assert.Equal(maxKappa, o.CurvaturePerM, 1e-12);
        Assert.Equal(LateralReason.CurvatureLimited, o.Reason);
        Assert.Equal(300, state.Count(LateralReason.CurvatureLimited));
        Assert.True(o.TakeoverRequested); // clamped for longer than CurvatureLimitedTakeoverS
    }

    [Fact]
    public void Step_LaneChangeRefused_CountedNoChange()
    {
        var options = new LateralOptions();
        var state = default(LateralState);
        LateralInputs inputs = Straight(new LaneCentreLine(0, 0, 0, 0, 1));
        inputs.LaneChangeStart = true;
        inputs.LaneChangeOffsetM = 9;
        LateralOutput o = LateralController.Step(inputs, ref state, options, 0.01);
        Assert.Equal(LateralReason.LaneChangeRefused, o.Reason);
        Assert.False(o.LaneChangeActive);
        Assert.Equal(1, state.Count(LateralReason.LaneChangeRefused));
        Assert.Equal(LateralAuthority.Active, o.Authority);
    }

    [Fact]
    public void Step_EngagedWithoutLanes_NoAuthorityTakeover()
    {
        var state = default(LateralState);
        LateralOutput o = LateralController.Step(Straight(default), ref state, new LateralOptions(), 0.01);
        Assert.Equal(LateralAuthority.None, o.Authority);
        Assert.True(o.TakeoverRequested);
        Assert.Equal(LateralReason.LaneLost, o.Reason);
    }

    internal static LateralInputs Straight(LaneCentreLine line) => new()
    {
        CentreLine = line,
        SpeedMps = 25,
        WorldModelAgeS = 0.03,
        WorldModelValid = true,
        Engaged = true,
    };
}
