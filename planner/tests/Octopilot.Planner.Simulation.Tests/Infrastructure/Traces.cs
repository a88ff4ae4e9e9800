using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Tests.Infrastructure;

/// <summary>Synthetic traces for evaluator tests: a speed profile a(t) integrated at 100 Hz, optional overrides per sample.</summary>
internal static class Traces
{
    public const double TickS = 0.01;

    /// <summary>Lane width of <see cref="ScenarioWith"/>'s road, m.</summary>
    public const double LaneWidthM = 3.5;

    /// <summary>Where the synthetic ego drives unless overridden: the centre of lane 1 (lane i's centre is at −i·width).</summary>
    public const double Lane1CentreYM = -LaneWidthM;

    public static readonly PlannerOptions Options = new();

    /// <summary>Speed and acceleration from an acceleration profile; lead gap constant 30 m, the ego steered by the
    /// planner on the centre of lane 1 (no lateral acceleration) unless overridden.</summary>
    public static ScenarioTrace FromAccel(double seconds, double startSpeedMps, Func<double, double> accelAt,
        Func<double, TraceSample, TraceSample>? edit = null)
    {
        var samples = new List<TraceSample>();
        double speedMps = startSpeedMps;
        int n = (int)Math.Round(seconds / TickS);
        for (int i = 0; i < n; i++)
        {
            double t = i * TickS;
            double a = accelAt(t);
            var s = new TraceSample(t, speedMps, a, a, 1, 30, 30, 30, TakeoverReason.None, LaneChangeState.Idle, LaneChangeReason.None, null, null,
                EgoYM: Lane1CentreYM, LateralAuthority: LateralAuthority.Active);
            samples.Add(edit is null ? s : edit(t, s));
            speedMps = Math.Max(0, speedMps + (a * TickS));
        }

        return new ScenarioTrace(TickS, samples);
    }

    public static Scenario ScenarioWith(ScenarioExpectations expect, double durationS = 10) =>
        new("synthetic.json", "synthetic", string.Empty, durationS, new RoadSpec(3, LaneWidthM),
            new EgoSpec(1, 20, EgoSpec.DefaultActuatorLagS, EgoSpec.DefaultSteeringLagS, EgoSpec.DefaultWidthM),
            new DriverScript(20, Inputs.TimeGapSetting.Medium, true, []), [], new WorldScript(200, []), expect);
}
