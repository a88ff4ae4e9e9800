using Octopilot.Planner.Acc;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Octopilot.Planner.Tests;

/// <summary>A point-mass ego (first-order lag) against one scripted lead: proof that the laws close the loop.</summary>
public sealed class ClosedLoopTests(ITestOutputHelper log)
{
    private const double DtS = 0.01;

    private sealed record Result(double MinGapM, double FinalGapM, double FinalSpeedMps, double MaxGapErrorLast10sFraction,
        double MaxDecelOverEnvelopeMps2, double MaxJerkOverEnvelopeMps3, int TakeoverTicks);

    private static Result Run(double egoSpeedMps, double leadSpeedMps, double initialGapM, double seconds, TimeGapSetting setting,
        double setSpeedMps = 30)
    {
        var planner = new Planner(Road.Options);
        var ego = new PointMassEgo(egoSpeedMps);
        double gapM = initialGapM, minGapM = double.MaxValue, maxError = 0, decelOver = double.MinValue, jerkOver = double.MinValue;
        double previousCommand = 0;
        int takeovers = 0;
        int ticks = (int)(seconds / DtS);
        for (int i = 0; i < ticks; i++)
        {
            long nowNs = i * Road.TickNs;
            PlannerInputs inputs = Road.Inputs(ego.SpeedMps, setSpeedMps, gap: setting, nowNs: nowNs, accelMps2: ego.AccelMps2)
                .With(Road.CarAhead(1, gapM, leadSpeedMps));
            PlannerOutput output = planner.Step(inputs);
            takeovers += output.TakeoverRequested ? 1 : 0;

            decelOver = Math.Max(decelOver, -output.TargetAccelMps2 - AccEnvelope.MaxDecelMps2(ego.SpeedMps, Road.Options));
            if (i > 0)
            {
                jerkOver = Math.Max(jerkOver, (Math.Abs(output.TargetAccelMps2 - previousCommand) / DtS) - AccEnvelope.MaxJerkMps3(ego.SpeedMps, Road.Options));
            }

            previousCommand = output.TargetAccelMps2;
            ego.Step(output.TargetAccelMps2, DtS);
            gapM += (leadSpeedMps - ego.SpeedMps) * DtS;
            minGapM = Math.Min(minGapM, gapM);
            if (i >= ticks - (int)(10 / DtS))
            {
                double desiredM = Road.Options.StandstillDistanceM + (ego.SpeedMps * Road.Options.TimeGapS(setting));
                maxError = Math.Max(maxError, Math.Abs(gapM - desiredM) / desiredM);
            }
        }

        return new Result(minGapM, gapM, ego.SpeedMps, maxError, decelOver, jerkOver, takeovers);
    }

    [Theory]
    [InlineData(10.0, TimeGapSetting.Short)]
    [InlineData(20.0, TimeGapSetting.Medium)]
    [InlineData(30.0, TimeGapSetting.Long)]
    public void Follow_ConstantSpeedLead_SettlesWithin10PercentOfDesiredGap(double leadSpeedMps, TimeGapSetting setting)
    {
        Result r = Run(egoSpeedMps: leadSpeedMps + 3, leadSpeedMps, initialGapM: 60, seconds: 60, setting, setSpeedMps: 35);
        log.WriteLine(r.ToString());
        Assert.True(r.MaxGapErrorLast10sFraction <= 0.10, r.ToString());
        Assert.True(r.MinGapM > 0, r.ToString());
        Assert.True(r.MaxJerkOverEnvelopeMps3 <= 1e-6 && r.MaxDecelOverEnvelopeMps2 <= 1e-9, r.ToString());
        Assert.Equal(0, r.TakeoverTicks);
    }

    [Fact]
    public void Approach_StoppedCarFrom50Kph_StopsBehindItInsideTheEnvelope()
    {
        Result r = Run(egoSpeedMps: 50 / 3.6, leadSpeedMps: 0, initialGapM: 80, seconds: 40, TimeGapSetting.Medium);
        log.WriteLine(r.ToString());
        Assert.True(r.MinGapM > 0, r.ToString());
        Assert.True(r.FinalSpeedMps < Road.Options.StandstillSpeedMps, r.ToString());
        Assert.InRange(r.FinalGapM, 1.0, Road.Options.StandstillDistanceM + 1.5);
        Assert.True(r.MaxJerkOverEnvelopeMps3 <= 1e-6 && r.MaxDecelOverEnvelopeMps2 <= 1e-9, r.ToString());
        Assert.Equal(0, r.TakeoverTicks);
    }
}
