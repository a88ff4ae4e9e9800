using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Tests.Steering;

/// <summary>Every steering option refuses a bad value when set, naming the option, the rule and the value.</summary>
public class SteeringOptionsTests
{
    private static readonly (string Option, Action Set)[] BadValues =
    [
        (nameof(TorqueControllerOptions.LatAccelFactorMps2), () => _ = new TorqueControllerOptions { LatAccelFactorMps2 = 0 }),
        (nameof(TorqueControllerOptions.LatAccelFactorMps2), () => _ = new TorqueControllerOptions { LatAccelFactorMps2 = double.NaN }),
        (nameof(TorqueControllerOptions.ProportionalGain), () => _ = new TorqueControllerOptions { ProportionalGain = -0.1 }),
        (nameof(TorqueControllerOptions.IntegralGainPerS), () => _ = new TorqueControllerOptions { IntegralGainPerS = double.PositiveInfinity }),
        (nameof(TorqueControllerOptions.FrictionTorqueFraction), () => _ = new TorqueControllerOptions { FrictionTorqueFraction = 1.5 }),
        (nameof(TorqueControllerOptions.FrictionThresholdMps2), () => _ = new TorqueControllerOptions { FrictionThresholdMps2 = 0 }),
        (nameof(TorqueControllerOptions.IntegratorFreezeBelowSpeedMps), () => _ = new TorqueControllerOptions { IntegratorFreezeBelowSpeedMps = -1 }),
        (nameof(SteeringTorqueLimits.MaxTorqueRaw), () => _ = new SteeringTorqueLimits { MaxTorqueRaw = 0 }),
        (nameof(SteeringTorqueLimits.RateUpRawPerFrame), () => _ = new SteeringTorqueLimits { RateUpRawPerFrame = -15 }),
        (nameof(SteeringTorqueLimits.RateDownRawPerFrame), () => _ = new SteeringTorqueLimits { RateDownRawPerFrame = 0 }),
        (nameof(SteeringTorqueLimits.MaxMotorErrorRaw), () => _ = new SteeringTorqueLimits { MaxMotorErrorRaw = 0 }),
        (nameof(SteeringTorqueLimits.EpsTorqueScalePercent), () => _ = new SteeringTorqueLimits { EpsTorqueScalePercent = 0 }),
        (nameof(SteeringTorqueLimits.RealTimeMaxDeltaRaw), () => _ = new SteeringTorqueLimits { RealTimeMaxDeltaRaw = 0 }),
        (nameof(SteeringTorqueLimits.RealTimeIntervalNs), () => _ = new SteeringTorqueLimits { RealTimeIntervalNs = 0 }),
        (nameof(SteeringTorqueFrameSpec.PeriodNs), () => _ = Toyota.ToyotaTssP.SteeringLka with { PeriodNs = -1 }),
        (nameof(SteeringGeometry.WheelbaseM), () => _ = new SteeringGeometry { WheelbaseM = 0, SteerRatio = 16 }),
        (nameof(SteeringGeometry.SteerRatio), () => _ = new SteeringGeometry { WheelbaseM = 2.65, SteerRatio = 0.5 }),
        (nameof(VehicleSignalMap.SteeringPressedThreshold), () => _ = new VehicleSignalMap { SteeringPressedThreshold = 0 }),
    ];

    [Fact]
    public void Init_BadValue_RefusedNamingTheOption()
    {
        foreach ((string option, Action set) in BadValues)
        {
            ArgumentOutOfRangeException e = Assert.Throws<ArgumentOutOfRangeException>(set);

            Assert.Equal(option, e.ParamName);
            Assert.Contains("must", e.Message, StringComparison.Ordinal); // the rule, then the actual value
            Assert.Contains("Actual value was", e.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Defaults_AreTheSourcedValues()
    {
        var limits = new SteeringTorqueLimits();
        var controller = new TorqueControllerOptions();

        Assert.Equal((1500, 15, 25, 350, 73, 450, 250_000_000L),
            (limits.MaxTorqueRaw, limits.RateUpRawPerFrame, limits.RateDownRawPerFrame, limits.MaxMotorErrorRaw, limits.EpsTorqueScalePercent,
             limits.RealTimeMaxDeltaRaw, limits.RealTimeIntervalNs));
        Assert.Equal((1.8, 1.0, 0.1, 0.06, 0.2, 5.0),
            (controller.LatAccelFactorMps2, controller.ProportionalGain, controller.IntegralGainPerS, controller.FrictionTorqueFraction,
             controller.FrictionThresholdMps2, controller.IntegratorFreezeBelowSpeedMps));
        Assert.Equal((2.65, 16.88), (Toyota.ToyotaTssP.Geometry.WheelbaseM, Toyota.ToyotaTssP.Geometry.SteerRatio));
    }
}
