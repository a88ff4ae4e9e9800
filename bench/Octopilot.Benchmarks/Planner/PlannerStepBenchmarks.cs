using BenchmarkDotNet.Attributes;
using Octopilot.Planner;
using Octopilot.Planner.Inputs;

namespace Octopilot.Benchmarks.Planner;

/// <summary>
/// One planner step (input validation, lead selection, distance keep, lane-change state machine) on a busy 3-lane scene:
/// a lead, traffic in both adjacent lanes ahead and behind, the driver asking for a lane change. Goal: well under 50 µs,
/// 0 bytes (issue #4). The tick runs it 100 times a second.
/// </summary>
[MemoryDiagnoser]
public class PlannerStepBenchmarks
{
    private const double LaneWidthM = 3.5;
    private readonly Octopilot.Planner.Planner _planner = new(new PlannerOptions());
    private PlannerInputs _inputs;
    private long _nowNs;

    [Params(4, 32)]
    public int Objects { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _inputs = new PlannerInputs
        {
            World = new WorldModelSnapshot
            {
                IsValid = true, LaneCount = 3, EgoLaneIndex = 1, LaneWidthM = LaneWidthM,
                LeftCamerasHealthy = true, RightCamerasHealthy = true, FrontCamerasHealthy = true,
            },
            Vehicle = new VehicleState
            {
                SpeedMps = 27,
                Driver = new DriverInputs { SetSpeedMps = 30, Engaged = true, TurnSignal = Side.Left, TimeGap = TimeGapSetting.Medium },
            },
        };
        for (int i = 0; i < Objects; i++)
        {
            int lane = i % 3;
            double xM = (i % 2 == 0 ? 1 : -1) * (15 + (i * 7.5));
            _inputs.World.Objects.TryAdd(new TrackedObject
            {
                Id = i + 1, XM = xM, YM = (1 - lane) * LaneWidthM, VxMps = 22 + (i % 5), LengthM = 4.5, WidthM = 1.8, LaneIndex = lane,
            });
        }
    }

    [Benchmark]
    public double Step()
    {
        _nowNs += 10_000_000;
        _inputs.NowNs = _nowNs;
        _inputs.World.TimestampNs = _nowNs;
        return _planner.Step(_inputs).TargetAccelMps2;
    }
}
