using System.Globalization;
using Octopilot.Planner.Lateral;
using Xunit.Abstractions;

namespace Octopilot.Planner.Tests.Lateral;

public sealed class LaneChangeTrajectoryTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3.5, 4.0)]
    [InlineData(-3.75, 3.2)]
    public void Quintic_SampledFinely_PeaksMatchClosedForm(double offsetM, double durationS)
    {
        var q = new QuinticLaneChangeTrajectory(offsetM, durationS);
        double maxAccel = 0, maxJerk = 0;
        for (int i = 0; i <= 100_000; i++)
        {
            double t = durationS * i / 100_000;
            maxAccel = Math.Max(maxAccel, Math.Abs(q.AccelAtMps2(t)));
            maxJerk = Math.Max(maxJerk, Math.Abs(q.JerkAtMps3(t)));
        }

        Assert.Equal(10 * Math.Abs(offsetM) / (Math.Sqrt(3) * durationS * durationS), maxAccel, 1e-6);
        Assert.Equal(q.PeakAccelMps2, maxAccel, 1e-6);
        Assert.Equal(60 * Math.Abs(offsetM) / Math.Pow(durationS, 3), maxJerk, 1e-9);
        Assert.Equal(q.PeakJerkMps3, maxJerk, 1e-9);
        Assert.Equal(1.875 * Math.Abs(offsetM) / durationS, Math.Abs(q.SpeedAtMps(durationS / 2)), 1e-12);

        // Boundary conditions: 0 → D with zero speed and acceleration at both ends.
        Assert.Equal(0, q.OffsetAtM(0), 1e-12);
        Assert.Equal(offsetM, q.OffsetAtM(durationS), 1e-12);
        Assert.Equal(0, q.SpeedAtMps(0), 1e-12);
        Assert.Equal(0, q.SpeedAtMps(durationS), 1e-12);
        Assert.Equal(0, q.AccelAtMps2(0), 1e-12);
        Assert.Equal(0, q.AccelAtMps2(durationS), 1e-12);
    }

    [Fact]
    public void TryCreate_StraightRoad3p5m_ShortestDurationMeetingR79ExtraAccel()
    {
        var options = new LateralOptions();
        Assert.True(QuinticLaneChangeTrajectory.TryCreate(3.5, 0, 27.8, options, out QuinticLaneChangeTrajectory q, out _));

        // T = √(10·3.5 / (√3·1.0)) = 4.495 s: the 1 m/s² extra acceleration binds (jerk alone needs ∛(60·3.5/5) = 3.48 s).
        Assert.Equal(Math.Sqrt(35 / Math.Sqrt(3)), q.DurationS, 1e-12);
        Assert.True(q.DurationS <= LateralOptions.MaxLaneChangeDurationS);
        Assert.True(q.PeakAccelMps2 <= 1 + 1e-12);
        Assert.True(q.PeakJerkMps3 <= 5);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"T={q.DurationS:F3} s a={q.PeakAccelMps2:F3} j={q.PeakJerkMps3:F3}"));
    }

    [Theory]
    [InlineData(0.5, 0.0, 27.8)] // offset too small
    [InlineData(6.0, 0.0, 27.8)] // offset too large
    [InlineData(3.5, 1 / 200.0, 27.8)] // v²κ = 3.9 m/s²: no budget left
    public void TryCreate_Impossible_RefusedWithReason(double offsetM, double curvaturePerM, double speedMps)
    {
        Assert.False(QuinticLaneChangeTrajectory.TryCreate(offsetM, curvaturePerM, speedMps, new LateralOptions(), out _, out LateralReason reason));
        Assert.Equal(LateralReason.LaneChangeRefused, reason);
    }

    [Fact]
    public void TryCreate_SmallBudgetNeedsMoreThan5s_Refused()
    {
        // Budget 3 − 27.8²/290 = 0.335 m/s² → T = √(20.2/0.335) = 7.8 s > 5 s.
        Assert.False(QuinticLaneChangeTrajectory.TryCreate(3.5, 1 / 290.0, 27.8, new LateralOptions(), out _, out LateralReason reason));
        Assert.Equal(LateralReason.LaneChangeRefused, reason);
    }

    [Fact]
    public void TryCreate_NaNOffset_NonFinite()
    {
        Assert.False(QuinticLaneChangeTrajectory.TryCreate(double.NaN, 0, 27.8, new LateralOptions(), out _, out LateralReason reason));
        Assert.Equal(LateralReason.NonFiniteInput, reason);
    }
}
