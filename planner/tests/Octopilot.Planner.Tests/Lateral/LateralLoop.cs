using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Tests.Lateral;

/// <summary>
/// Test helper: closed loop of <see cref="LateralController"/> and <see cref="KinematicBicycle"/> on a
/// <see cref="ConstantCurvatureRoad"/> at constant speed, 100 Hz. The world model is ground truth: each tick the ego
/// lane (nearest centre) is fitted in the ego frame. <see cref="Tamper"/> may alter the inputs per tick (noise,
/// drop-outs, faults). Records what the checks need.
/// </summary>
internal sealed class LateralLoop
{
    public const double DtS = 0.01;

    private readonly ConstantCurvatureRoad _road;
    private KinematicBicycle _ego;
    private LateralState _state;

    public LateralLoop(double roadCurvaturePerM, double speedKph, double initialOffsetM, LateralOptions? options = null)
    {
        _road = new ConstantCurvatureRoad(roadCurvaturePerM);
        Options = options ?? new LateralOptions();
        Options.Validate();
        SpeedMps = speedKph / 3.6;
        (double x, double y, double heading) = _road.PointAt(0, initialOffsetM);
        _ego = new KinematicBicycle(x, y, heading, SpeedMps, initialCurvaturePerM: roadCurvaturePerM);
    }

    public LateralOptions Options { get; }

    public double SpeedMps { get; }

    public ConstantCurvatureRoad Road => _road;

    public TamperFn? Tamper { get; set; }

    /// <summary>Tick at which a lane change of <see cref="LaneChangeOffsetM"/> is requested; −1 none.</summary>
    public int LaneChangeTick { get; set; } = -1;

    public double LaneChangeOffsetM { get; set; }

    public ref readonly LateralState State => ref _state;

    public List<Sample> Samples { get; } = [];

    public delegate void TamperFn(int tick, ref LateralInputs inputs);

    public readonly record struct Sample(double TimeS, double OffsetM, double CommandPerM, double ActualPerM, LateralOutput Output);

    public void Run(double durationS)
    {
        int ticks = (int)Math.Round(durationS / DtS);
        for (int i = 0; i < ticks; i++)
        {
            var inputs = new LateralInputs
            {
                CentreLine = _road.CentreLine(_ego, _road.EgoLane(_ego)),
                SpeedMps = SpeedMps,
                YawRateRadps = _ego.YawRateRadps,
                WorldModelAgeS = 0.03,
                WorldModelValid = true,
                Engaged = true,
                LaneChangeStart = i == LaneChangeTick,
                LaneChangeOffsetM = LaneChangeOffsetM,
            };
            Tamper?.Invoke(i, ref inputs);
            LateralOutput output = LateralController.Step(inputs, ref _state, Options, DtS);
            _ego.Step(output.CurvaturePerM, DtS);
            double offsetM = _road.Project(_ego.XM, _ego.YM).OffsetM;
            Samples.Add(new Sample((i + 1) * DtS, offsetM, output.CurvaturePerM, _ego.CurvaturePerM, output));
        }
    }

    /// <summary>RMS of (offset − target) over samples at or after <paramref name="fromS"/>, m.</summary>
    public double RmsOffsetM(double fromS, double targetM = 0)
    {
        double sum = 0;
        int n = 0;
        foreach (Sample s in Samples)
        {
            if (s.TimeS >= fromS)
            {
                sum += (s.OffsetM - targetM) * (s.OffsetM - targetM);
                n++;
            }
        }

        return Math.Sqrt(sum / n);
    }

    /// <summary>Max |offset − target| over samples at or after <paramref name="fromS"/>, m.</summary>
    public double MaxOffsetM(double fromS = 0, double targetM = 0) =>
        Samples.Where(s => s.TimeS >= fromS).Max(s => Math.Abs(s.OffsetM - targetM));

    /// <summary>Max |v²·κ_cmd|: the commanded lateral acceleration, m/s².</summary>
    public double MaxCommandAccelMps2 => Samples.Max(s => SpeedMps * SpeedMps * Math.Abs(s.CommandPerM));

    /// <summary>Max |v²·κ_actual|: the bicycle's lateral acceleration (kinematic), m/s².</summary>
    public double MaxActualAccelMps2 => Samples.Max(s => SpeedMps * SpeedMps * Math.Abs(s.ActualPerM));

    /// <summary>Max |v²·Δκ_cmd/dt|, m/s³ (commanded lateral jerk, per tick).</summary>
    public double MaxCommandJerkMps3 => MaxRate(s => s.CommandPerM) * SpeedMps * SpeedMps;

    /// <summary>Max |v²·Δκ_actual/dt|, m/s³ (the bicycle's lateral jerk, per tick, after the steering lag).</summary>
    public double MaxActualJerkMps3 => MaxRate(s => s.ActualPerM) * SpeedMps * SpeedMps;

    /// <summary>Max |Δκ_cmd| of one tick, 1/m.</summary>
    public double MaxCommandStepPerM => MaxRate(s => s.CommandPerM) * DtS;

    private double MaxRate(Func<Sample, double> value)
    {
        double max = 0;
        for (int i = 1; i < Samples.Count; i++)
        {
            max = Math.Max(max, Math.Abs(value(Samples[i]) - value(Samples[i - 1])) / DtS);
        }

        return max;
    }
}
