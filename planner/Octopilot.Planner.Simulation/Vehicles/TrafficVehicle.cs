using Octopilot.Planner.Simulation.Scenarios;

namespace Octopilot.Planner.Simulation.Vehicles;

/// <summary>
/// A scripted road user moving along the road: speed ramps towards a target at a fixed acceleration magnitude; lane
/// changes follow a quintic lateral path. Its actions fire once each when their trigger holds
/// (the closed loop decides). Position <see cref="SM"/> is the footprint centre's station (along lane 0's centre);
/// <see cref="SpeedMps"/> is along its own path, so on a curve its station rate is v/(1 − κ₀y).
/// </summary>
internal sealed class TrafficVehicle
{
    /// <summary>Speed error below which a speed change counts as finished, m/s (round-off only).</summary>
    private const double SpeedReachedMps = 1e-9;

    private readonly bool[] _fired;
    private readonly RoadFrame _road;
    private double _targetSpeedMps;
    private double _accelMagnitudeMps2;
    private double _laneChangeFromYM;
    private double _laneChangeToYM;
    private double _laneChangeElapsedS;
    private double _laneChangeDurationS;

    public TrafficVehicle(TrafficVehicleSpec spec, double sM, double yM, RoadFrame road)
    {
        Spec = spec;
        _road = road;
        SM = sM;
        YM = _laneChangeFromYM = _laneChangeToYM = yM;
        SpeedMps = _targetSpeedMps = spec.SpeedMps;
        _fired = new bool[spec.Actions.Count];
    }

    public TrafficVehicleSpec Spec { get; }

    public double SM { get; private set; }

    public double YM { get; private set; }

    public double SpeedMps { get; private set; }

    /// <summary>
    /// Acceleration over the coming tick, m/s² (ground truth the world model reports): a braking action is visible on
    /// the tick it fires, as a tracker that estimates acceleration would see it within a few frames.
    /// </summary>
    public double AccelMps2
    {
        get
        {
            double errorMps = _targetSpeedMps - SpeedMps;
            return Math.Abs(errorMps) < SpeedReachedMps ? 0 : Math.CopySign(_accelMagnitudeMps2, errorMps);
        }
    }

    /// <summary>Lateral speed, m/s, positive left.</summary>
    public double LateralSpeedMps { get; private set; }

    public bool HasFired(int actionIndex) => _fired[actionIndex];

    public void Fire(int actionIndex)
    {
        _fired[actionIndex] = true;
        TrafficAction action = Spec.Actions[actionIndex];
        if (action.TargetSpeedMps is double target)
        {
            _targetSpeedMps = target;
            _accelMagnitudeMps2 = action.AccelMagnitudeMps2;
        }

        if (action.ToLane is int lane)
        {
            _laneChangeFromYM = YM;
            _laneChangeToYM = _road.LaneCentreYM(lane);
            _laneChangeElapsedS = 0;
            _laneChangeDurationS = action.LaneChangeDurationS;
        }
    }

    public void Step(double dtS)
    {
        double speedErrorMps = _targetSpeedMps - SpeedMps;
        double maxStepMps = _accelMagnitudeMps2 * dtS;
        double stepMps = Math.Clamp(speedErrorMps, -maxStepMps, maxStepMps);
        SM += (SpeedMps + (0.5 * stepMps)) * dtS / _road.PathScaleAt(YM);
        SpeedMps += stepMps;

        if (_laneChangeDurationS > 0 && _laneChangeElapsedS < _laneChangeDurationS)
        {
            double previousYM = YM;
            _laneChangeElapsedS = Math.Min(_laneChangeDurationS, _laneChangeElapsedS + dtS);
            double p = _laneChangeElapsedS / _laneChangeDurationS;
            double shape = p * p * p * (10 + (p * (-15 + (6 * p))));
            YM = _laneChangeFromYM + ((_laneChangeToYM - _laneChangeFromYM) * shape);
            LateralSpeedMps = (YM - previousYM) / dtS;
        }
        else
        {
            LateralSpeedMps = 0;
        }
    }
}
