using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Tests.Steering;

/// <summary>The curvature → torque law with openpilot's RAV4 numbers (F = 1.8 m/s², Kp = 1, Ki = 0.1/s, friction 0.06).</summary>
public class TorqueLateralControllerTests
{
    private const double DtS = 0.01;

    [Fact]
    public void Update_AlreadyAtTheCurvature_FeedForwardIsLatAccelOverTheFactor()
    {
        var controller = new TorqueLateralController(new TorqueControllerOptions());

        double fraction = controller.Update(0.002, 25, measuredLatAccelMps2: 1.25, freezeIntegrator: false, DtS);

        Assert.Equal(1.25 / 1.8, fraction, 12); // v²κ / F, no error, no friction, no integral
    }

    [Fact]
    public void Update_Error_ProportionalFrictionAndOneIntegratorStep()
    {
        var controller = new TorqueLateralController(new TorqueControllerOptions());

        double fraction = controller.Update(0.0004, 25, measuredLatAccelMps2: 0.15, freezeIntegrator: false, DtS); // a_des 0.25, e 0.1

        double integral = 0.1 / 1.8 * 0.1 * DtS;
        Assert.Equal(((0.25 + 0.1) / 1.8) + (0.06 * 0.5) + integral, fraction, 12);
        Assert.Equal(integral, controller.IntegralTorqueFraction, 15);
    }

    [Fact]
    public void Update_PersistentError_IntegratorGrowsAtKiOverTheFactor()
    {
        var controller = new TorqueLateralController(new TorqueControllerOptions());

        for (int i = 0; i < 100; i++)
        {
            controller.Update(0.0004, 25, measuredLatAccelMps2: 0.15, freezeIntegrator: false, DtS);
        }

        Assert.Equal(0.1 / 1.8 * 0.1 * 1.0, controller.IntegralTorqueFraction, 12); // 1 s of e = 0.1 m/s²
    }

    [Theory]
    [InlineData(true, 25.0)] // the driver is steering (or the last frame was limited)
    [InlineData(false, 4.0)] // below 5 m/s
    public void Update_Frozen_IntegratorHolds(bool freeze, double speedMps)
    {
        var controller = new TorqueLateralController(new TorqueControllerOptions());
        controller.Update(0.0004, 25, 0.15, freezeIntegrator: false, DtS);
        double before = controller.IntegralTorqueFraction;

        for (int i = 0; i < 100; i++)
        {
            controller.Update(0.0004, speedMps, 0.0, freeze, DtS);
        }

        Assert.Equal(before, controller.IntegralTorqueFraction);
    }

    [Fact]
    public void Update_Saturated_ClampedAndNoWindup()
    {
        var controller = new TorqueLateralController(new TorqueControllerOptions());

        for (int i = 0; i < 1_000; i++)
        {
            Assert.Equal(1.0, controller.Update(0.01, 25, measuredLatAccelMps2: 0, freezeIntegrator: false, DtS)); // a_des 6.25 m/s²
        }

        Assert.Equal(0, controller.IntegralTorqueFraction); // it never integrated into the clamp
        Assert.Equal(-1.0, controller.Update(-0.01, 25, 0, false, DtS));
    }

    [Fact]
    public void Update_NonFinite_ZeroAndIntegratorReset()
    {
        var controller = new TorqueLateralController(new TorqueControllerOptions());
        controller.Update(0.0004, 25, 0.15, false, DtS);

        Assert.Equal(0, controller.Update(double.NaN, 25, 0.15, false, DtS));
        Assert.Equal(0, controller.IntegralTorqueFraction);
        Assert.Equal(0, controller.Update(0.001, 25, double.PositiveInfinity, false, DtS));
    }
}
