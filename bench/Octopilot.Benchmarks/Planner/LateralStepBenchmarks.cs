using BenchmarkDotNet.Attributes;
using Octopilot.Planner.Lateral;

namespace Octopilot.Benchmarks.Planner;

/// <summary>
/// Issue 8's tick budget, the lateral half: one <see cref="LateralController.Step"/> on a 500 m curve at 100 km/h,
/// lane keeping with the centre line 0.1 m off (pure pursuit, limits, validity checks). The longitudinal half is
/// <see cref="PlannerStepBenchmarks"/>; together they must stay ≤ 50 µs with 0 bytes per tick.
/// </summary>
[MemoryDiagnoser]
public class LateralStepBenchmarks
{
    private readonly LateralOptions _options = new();
    private LateralInputs _inputs;
    private LateralState _state;

    [GlobalSetup]
    public void Setup()
    {
        const double radiusM = 500, speedMps = 100 / 3.6;
        _inputs = new LateralInputs
        {
            CentreLine = new LaneCentreLine(0.1, 0.0, 0.5 / radiusM, 0.0, 0.9),
            SpeedMps = speedMps,
            YawRateRadps = speedMps / radiusM,
            WorldModelAgeS = 0.05,
            WorldModelValid = true,
            Engaged = true,
        };
        for (int i = 0; i < 200; i++)
        {
            Step(); // engaged, settled on the rate limit
        }
    }

    [Benchmark]
    public double Step() => LateralController.Step(_inputs, ref _state, _options, 0.01).CurvaturePerM;
}
