using Octopilot.Planner.LaneChange;
using Octopilot.Planner.Outputs;
using Octopilot.Planner.Simulation.Evaluation;
using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Tests.Infrastructure;

/// <summary>Synthetic traces for evaluator tests: a speed profile a(t) integrated at 100 Hz, optional overrides per sample.</summary>
internal static class Traces
{
    public const double TickS = 0.01;

    public static readonly PlannerOptions Options = new();

    /// <summary>Speed and acceleration from an acceleration profile; lead gap constant 30 m unless overridden.</summary>
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
            var s = new TraceSample(t, speedMps, a, a, 1, 30, 30, 30, TakeoverReason.None, LaneChangeState.Idle, LaneChangeReason.None, null, null);
            samples.Add(edit is null ? s : edit(t, s));
            speedMps = Math.Max(0, speedMps + (a * TickS));
        }

        return new ScenarioTrace(TickS, samples);
    }

    public static Scenario ScenarioWith(ScenarioExpectations expect, double durationS = 10) =>
        new("synthetic.json", "synthetic", string.Empty, durationS, new RoadSpec(3, 3.5),
            new EgoSpec(1, 20, EgoSpec.DefaultActuatorLagS, EgoSpec.DefaultSteeringLagS, EgoSpec.DefaultWidthM),
            new DriverScript(20, Inputs.TimeGapSetting.Medium, true, []), [], new WorldScript(200, []), expect);
}
