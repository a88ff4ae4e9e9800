using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>Made-up Toyota traffic: every message the TSS-P map needs, at one instant, with valid checksums.</summary>
internal static class ToyotaDrive
{
    /// <summary>STEER_ANGLE_SENSOR's steps: STEER_ANGLE in 1.5°, STEER_FRACTION in 0.1° (−0.8..0.7).</summary>
    private const double AngleStepDeg = 1.5;

    public static FrameBuilder Builder => new(ToyotaData.Powertrain, ToyotaChecksum.Instance);

    /// <summary>
    /// One frame of each mapped message at <paramref name="timestampNs"/> (speeds in km/h as the DBC has them; angle in
    /// degrees, split into the DBC's whole and fraction parts; torques raw). BLINKERS_STATE is last.
    /// </summary>
    public static CanFrame[] AllMapped(long timestampNs, double speedKph = 72, double setSpeedKph = 80, long turnSignals = 3,
        bool engaged = true, bool gasReleased = true, bool brake = false, long followDistance = 2,
        double steeringAngleDeg = 0, double driverTorque = 0, double epsTorque = 0)
    {
        FrameBuilder b = Builder;
        double wholeDeg = Math.Round(steeringAngleDeg / AngleStepDeg) * AngleStepDeg;
        return
        [
            b.Build("WHEEL_SPEEDS", timestampNs, ("WHEEL_SPEED_FL", speedKph), ("WHEEL_SPEED_FR", speedKph), ("WHEEL_SPEED_RL", speedKph), ("WHEEL_SPEED_RR", speedKph)),
            b.Build("SPEED", timestampNs, ("SPEED", speedKph * 1.02)),
            b.Build("PCM_CRUISE", timestampNs, ("CRUISE_ACTIVE", engaged ? 1 : 0), ("GAS_RELEASED", gasReleased ? 1 : 0), ("CRUISE_STATE", engaged ? 8 : 0)),
            b.Build("PCM_CRUISE_2", timestampNs, ("MAIN_ON", 1), ("SET_SPEED", setSpeedKph), ("PCM_FOLLOW_DISTANCE", followDistance)),
            b.Build("BRAKE_MODULE", timestampNs, ("BRAKE_PRESSED", brake ? 1 : 0)),
            b.Build("STEER_ANGLE_SENSOR", timestampNs, ("STEER_ANGLE", wholeDeg), ("STEER_FRACTION", steeringAngleDeg - wholeDeg)),
            b.Build("STEER_TORQUE_SENSOR", timestampNs, ("STEER_TORQUE_DRIVER", driverTorque), ("STEER_TORQUE_EPS", epsTorque)),
            b.Build("BLINKERS_STATE", timestampNs, ("TURN_SIGNALS", turnSignals)),
        ];
    }

    /// <summary>The age-limited messages only (BLINKERS_STATE is sent on change; the rest arrive at ≥ 24 Hz).</summary>
    public static CanFrame[] Periodic(long timestampNs, double speedKph = 72) => AllMapped(timestampNs, speedKph)[..^1];
}
