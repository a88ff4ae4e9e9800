using Octopilot.Planner.Lateral;

namespace Octopilot.Planner.Tests.Lateral;

public sealed class KinematicBicycleTests
{
    [Fact]
    public void Step_ConstantCurvatureNoLag_DrivesCircleOfThatRadius()
    {
        var car = new KinematicBicycle(0, 0, 0, 20, steeringLagS: 0);
        for (int i = 0; i < 1000; i++)
        {
            car.Step(0.01, 0.01);
        }

        // Circle of radius 100 m centred at (0, 100).
        Assert.Equal(100, Math.Sqrt((car.XM * car.XM) + ((car.YM - 100) * (car.YM - 100))), 1e-9);
        Assert.Equal(2.0, car.HeadingRad, 1e-9); // 200 m of arc / 100 m
        Assert.Equal(0.01, car.CurvaturePerM, 1e-12);
        Assert.Equal(4.0, car.LateralAccelMps2, 1e-9);
    }

    [Fact]
    public void Step_SteeringLag_ReachesOneMinusOneOverEAfterTau()
    {
        var car = new KinematicBicycle(0, 0, 0, 20);
        for (int i = 0; i < 20; i++)
        {
            car.Step(0.01, 0.01);
        }

        double target = Math.Atan(KinematicBicycle.DefaultWheelbaseM * 0.01);
        Assert.Equal(1 - Math.Exp(-1), car.SteeringAngleRad / target, 1e-9);
    }
}
