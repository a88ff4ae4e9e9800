using System.Globalization;
using Octopilot.Planner.Lateral;
using Xunit.Abstractions;

namespace Octopilot.Planner.Tests.Lateral;

/// <summary>
/// Lane changes on a curve with the ground-truth world model, which re-assigns the ego lane when the rear axle is
/// nearer the target lane's centre (the controller re-bases on that jump). Measured: offset from the target lane's
/// centre at start + T (T ≤ 5 s); overshoot = how far the rear axle goes past the target centre, over the whole run.
/// </summary>
public sealed class LaneChangeClosedLoopTests(ITestOutputHelper output)
{
    private const double LaneWidthM = 3.5;
    private const int StartTick = 300;

    [Theory]
    [InlineData(500, 100, 1)]
    [InlineData(500, 100, -1)]
    [InlineData(-500, 100, 1)]
    [InlineData(1000, 130, -1)]
    [InlineData(250, 60, 1)]
    [InlineData(0, 130, 1)]
    public void Step_LaneChangeOnCurve_EndsCentredWithin5sNoOvershoot(double radiusM, double speedKph, int side)
    {
        double targetM = side * LaneWidthM;
        var loop = new LateralLoop(radiusM == 0 ? 0 : 1 / radiusM, speedKph, initialOffsetM: 0)
        {
            LaneChangeTick = StartTick,
            LaneChangeOffsetM = targetM,
        };
        loop.Run(15);

        LateralLoop.Sample first = loop.Samples[StartTick];
        Assert.True(first.Output.LaneChangeActive);
        double durationS = loop.State.LaneChangeRunning ? double.NaN : DurationOf(loop);
        Assert.True(durationS <= LateralOptions.MaxLaneChangeDurationS, $"duration {durationS}");

        double endS = first.TimeS + durationS;
        double errorAtEndM = Math.Abs(loop.Samples.First(s => s.TimeS >= endS).OffsetM - targetM);
        double overshootM = loop.Samples.Max(s => side * (s.OffsetM - targetM));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"R={radiusM} v={speedKph} side={side}: T={durationS:F2} s error at T={errorAtEndM:F3} m overshoot={overshootM:F3} m " +
            $"final={Math.Abs(loop.Samples[^1].OffsetM - targetM):F3} m a_cmd={loop.MaxCommandAccelMps2:F2} j_cmd={loop.MaxCommandJerkMps3:F2}"));

        Assert.True(errorAtEndM <= 0.3, $"error at end {errorAtEndM}");
        Assert.True(overshootM <= 0.3, $"overshoot {overshootM}");
        Assert.True(loop.RmsOffsetM(endS + 2, targetM) <= 0.2);
        LaneKeepingTests.AssertLimits(loop);
        Assert.Equal(0, loop.State.Count(LateralReason.LaneJump));
        Assert.All(loop.Samples, s => Assert.Equal(LateralAuthority.Active, s.Output.Authority));
    }

    private static double DurationOf(LateralLoop loop)
    {
        // The trajectory is gone from the state once done: recompute it as the controller did at the start tick.
        LateralLoop.Sample first = loop.Samples[StartTick];
        return first.Output.LaneChangeProgress > 0 ? LateralLoop.DtS / first.Output.LaneChangeProgress : double.NaN;
    }
}
