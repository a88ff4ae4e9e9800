using Octopilot.Planner.Lateral;
using Octopilot.Vehicle.Simulation;

namespace Octopilot.Planner.Simulation.Vehicles;

/// <summary>
/// The simulated ego vehicle. Longitudinal: <see cref="LongitudinalPointMass"/> (acceleration follows the command
/// through a first-order lag, a stopped car is held), the same car the service's simulated vehicle drives. Lateral: a
/// <see cref="KinematicBicycle"/> in the road's map frame (steering lag, arc motion), steered by a curvature command.
/// Road coordinates (<see cref="SM"/> along lane 0's centre, <see cref="YM"/> left of it) are the rear axle's,
/// projected from the map pose every step.
/// </summary>
internal sealed class SimulatedEgo
{
    private readonly LongitudinalPointMass _car;
    private readonly RoadFrame _road;
    private KinematicBicycle _bicycle;

    /// <param name="yM">Start offset from lane 0's centre, m; the car starts on the road's heading, already steering
    /// the curvature of the line it is on (it was driving the curve before the scenario began).</param>
    public SimulatedEgo(RoadFrame road, double speedMps, double yM, double actuatorLagS, double steeringLagS, double wheelbaseM)
    {
        _road = road;
        _car = new LongitudinalPointMass(speedMps, actuatorLagS);
        (double x, double y, double heading) = road.ToMap(0, yM);
        _bicycle = new KinematicBicycle(x, y, heading, speedMps, wheelbaseM, steeringLagS, road.CurvatureAtPerM(yM));
        YM = yM;
    }

    public double SM { get; private set; }

    public double YM { get; private set; }

    public double SpeedMps => _car.SpeedMps;

    /// <summary>Actual longitudinal acceleration, m/s² (what an IMU would read).</summary>
    public double AccelMps2 => _car.AccelMps2;

    /// <summary>Lateral speed relative to the road over the last step, m/s, left positive.</summary>
    public double LateralSpeedMps { get; private set; }

    /// <summary>Map pose of the rear axle.</summary>
    public (double XM, double YM, double HeadingRad) MapPose => (_bicycle.XM, _bicycle.YM, _bicycle.HeadingRad);

    /// <summary>Heading relative to the road's tangent at the ego's station, rad, left positive.</summary>
    public double HeadingToRoadRad => _bicycle.HeadingRad - _road.HeadingAtRad(SM);

    /// <summary>Actual path curvature (after the steering lag), 1/m.</summary>
    public double CurvaturePerM => _bicycle.CurvaturePerM;

    public double YawRateRadps => _bicycle.YawRateRadps;

    /// <summary>Actual lateral acceleration v²κ, m/s².</summary>
    public double LateralAccelMps2 => _bicycle.LateralAccelMps2;

    public void Step(double commandMps2, double curvatureCommandPerM, double dtS)
    {
        double speedBeforeMps = _car.SpeedMps;
        _car.Step(commandMps2, dtS);

        // The mean speed over the step makes the arc as long as the point mass's travel.
        _bicycle.SpeedMps = 0.5 * (speedBeforeMps + _car.SpeedMps);
        _bicycle.Step(curvatureCommandPerM, dtS);
        _bicycle.SpeedMps = _car.SpeedMps;

        double previousYM = YM;
        (SM, YM) = _road.FromMap(_bicycle.XM, _bicycle.YM, SM);
        LateralSpeedMps = (YM - previousYM) / dtS;
    }
}
