using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Tests.Infrastructure;

namespace Octopilot.Planner.Simulation.Tests;

/// <summary>The ISO 15622 windows: 2 s moving average for (de)celeration, 1 s for jerk, limit averaged over the window.</summary>
public sealed class EnvelopeWindowsTests
{
    private static (double[] Speed, double[] Accel) Profile(ScenarioTrace trace) =>
        (trace.Samples.Select(s => s.EgoSpeedMps).ToArray(), trace.Samples.Select(s => s.EgoAccelMps2).ToArray());

    [Fact]
    public void Deceleration_ShortSpikeAboveLimit_AveragedOverTwoSecondsPasses()
    {
        // 0.5 s at 6 m/s² (above the 3.5 limit at 25 m/s) then coasting: the 2 s average is 1.5 m/s².
        ScenarioTrace trace = Traces.FromAccel(6, 25, t => t is >= 1 and < 1.5 ? -6 : 0);
        (double[] speed, _) = Profile(trace);

        WindowedPeak peak = EnvelopeWindows.Deceleration(speed, trace.TickS, Traces.Options);

        Assert.InRange(peak.MaxValue, 1.49, 1.51);
        Assert.True(peak.WithinLimit, peak.ToString());
    }

    [Fact]
    public void Deceleration_SustainedAboveLimit_Fails()
    {
        ScenarioTrace trace = Traces.FromAccel(6, 30, t => t >= 1 ? -4 : 0);
        (double[] speed, _) = Profile(trace);

        WindowedPeak peak = EnvelopeWindows.Deceleration(speed, trace.TickS, Traces.Options);

        Assert.InRange(peak.MaxValue, 3.99, 4.01);
        Assert.False(peak.WithinLimit, peak.ToString()); // 3.5 at > 20 m/s; 4 m/s² for 2 s from 30 m/s stays above 20 m/s
    }

    [Fact]
    public void Deceleration_LowSpeedAllowsMore()
    {
        // 4.5 m/s² from 5 m/s: above the 3.5 high-speed limit, inside the 5 m/s² low-speed limit.
        ScenarioTrace trace = Traces.FromAccel(3, 5, _ => -1.5);
        (double[] speed, _) = Profile(trace);

        WindowedPeak peak = EnvelopeWindows.Deceleration(speed, trace.TickS, Traces.Options);

        Assert.Equal(5.0, peak.LimitAtMaxValue, 3);
        Assert.True(peak.WithinLimit);
    }

    [Fact]
    public void Jerk_StepInAccel_IsAveragedOverOneSecond()
    {
        // A 2 m/s² step in actual acceleration: 1 s average jerk is 2 m/s³ (< 2.5 at 25 m/s), although the step is instant.
        ScenarioTrace trace = Traces.FromAccel(4, 25, t => t >= 2 ? -2 : 0);
        (double[] speed, double[] accel) = Profile(trace);

        WindowedPeak peak = EnvelopeWindows.Jerk(speed, accel, trace.TickS, Traces.Options);

        Assert.Equal(2.0, peak.MaxValue, 6);
        Assert.True(peak.WithinLimit);
    }

    [Fact]
    public void Jerk_ThreeMps2StepAtHighSpeed_Fails()
    {
        ScenarioTrace trace = Traces.FromAccel(4, 25, t => t >= 2 ? -3 : 0);
        (double[] speed, double[] accel) = Profile(trace);

        WindowedPeak peak = EnvelopeWindows.Jerk(speed, accel, trace.TickS, Traces.Options);

        Assert.Equal(3.0, peak.MaxValue, 6);
        Assert.False(peak.WithinLimit);
        Assert.InRange(peak.MaxFractionAtS, 2.0, 3.0);
    }

    [Fact]
    public void Acceleration_TraceShorterThanWindow_ReportsNothing()
    {
        WindowedPeak peak = EnvelopeWindows.Acceleration(new double[50], 0.01, Traces.Options);

        Assert.Equal(default, peak);
    }
}
