using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Tests.Steering;

/// <summary>Feedback and commands for the lateral encoder tests.</summary>
internal static class LateralFeedback
{
    public const long Ms = 1_000_000;

    /// <summary>A valid state of a car with cruise engaged, pedals released, going straight unless told.</summary>
    public static SteeringFeedback Engaged(double speedMps = 25, double yawRateRadps = 0, double epsMotorTorque = 0, bool steeringPressed = false) => new()
    {
        StateValid = true,
        SpeedMps = speedMps,
        YawRateRadps = yawRateRadps,
        EpsMotorTorque = epsMotorTorque,
        SteeringPressed = steeringPressed,
        CruiseEngaged = true,
    };

    public static PlannerOutput Steer(double curvaturePerM, LateralAuthority authority = LateralAuthority.Active) =>
        new() { CurvaturePerM = curvaturePerM, LateralAuthority = authority };

    /// <summary>What the EPS would report for a command it follows exactly: command × 100 / EPS scale.</summary>
    public static double MotorFor(int torqueRaw, SteeringTorqueLimits limits) => torqueRaw * 100.0 / limits.EpsTorqueScalePercent;
}
