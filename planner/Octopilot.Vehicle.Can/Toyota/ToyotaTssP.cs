using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Commands;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Toyota;

/// <summary>
/// The Toyota TSS-P preset (RAV4 2017-18 and kin) for opendbc's <c>toyota_new_mc_pt_generated.dbc</c>: which signals
/// make the vehicle state (the ones openpilot's Toyota <c>carstate.py</c> reads), the ACC command frame and the
/// steering-torque command (STEERING_LKA: the TSS-P RAV4 steers by torque, as openpilot drives it; STEERING_LTA angle
/// control is TSS 2.5 only).
/// Every choice below was checked on the comma2k19 RAV4 minute (see the project README for the numbers).
/// </summary>
public static class ToyotaTssP
{
    /// <summary>ACC_CONTROL period: 30 ms (33 Hz), measured: 2,000 frames from openpilot in the 60 s RAV4 minute.</summary>
    public const long AccControlPeriodNs = 30_000_000;

    /// <summary>Most braking sent, m/s². Source: openpilot's Toyota <c>CarControllerParams.ACCEL_MIN</c>.</summary>
    public const double AccelMinMps2 = -3.5;

    /// <summary>Most acceleration sent, m/s². Source: openpilot's Toyota <c>CarControllerParams.ACCEL_MAX</c>.</summary>
    public const double AccelMaxMps2 = 2.0;

    /// <summary>STEERING_LKA period: 10 ms (100 Hz), measured: 6,000 frames from openpilot in the RAV4 minute.</summary>
    public const long SteeringLkaPeriodNs = 10_000_000;

    /// <summary>
    /// RAV4 2017 geometry. Source: openpilot <c>selfdrive/car/toyota/interface.py</c>, <c>CAR.RAV4</c>:
    /// <c>wheelbase = 2.65</c>, <c>steerRatio = 16.88   # 14.5 is spec end-to-end</c> (16.88 is openpilot's fitted
    /// value for this car; 14.3 is its RAV4 TSS2 2019+ value).
    /// </summary>
    public static SteeringGeometry Geometry { get; } = new() { WheelbaseM = 2.65, SteerRatio = 16.88 };

    /// <summary>
    /// Speed from the four wheel speeds (WHEEL_SPEEDS 0xAA, 83 Hz), as openpilot's vEgoRaw: the SPEED message (0xB4) is
    /// the speedometer value, about 2 % high on purpose, so it only feeds <see cref="VehicleStateSample.DisplaySpeedMps"/>.
    /// Gas is PCM_CRUISE.GAS_RELEASED inverted and brake BRAKE_MODULE.BRAKE_PRESSED, as openpilot reads them on cars
    /// without an interceptor. BLINKERS_STATE (0x614) is sent on change and about every 10 s (largest gap in the RAV4
    /// minute: 10.0 s), so it has no age limit; every other mapped message arrives at ≥ 31 Hz (largest gap 45.6 ms).
    /// Steering, as openpilot's carstate reads it: angle = STEER_ANGLE_SENSOR.STEER_ANGLE + STEER_FRACTION (0x25, 83 Hz;
    /// STEER_TORQUE_SENSOR.STEER_ANGLE reads 0 on this car), driver and motor torque from STEER_TORQUE_SENSOR (0x260,
    /// 50 Hz, checksummed), steering pressed above 100 (openpilot's <c>STEER_THRESHOLD</c>).
    /// </summary>
    public static VehicleSignalMap SignalMap { get; } = new()
    {
        SpeedSource = SpeedSource.WheelSpeedMean,
        WheelSpeedFrontLeft = new("WHEEL_SPEEDS", "WHEEL_SPEED_FL"),
        WheelSpeedFrontRight = new("WHEEL_SPEEDS", "WHEEL_SPEED_FR"),
        WheelSpeedRearLeft = new("WHEEL_SPEEDS", "WHEEL_SPEED_RL"),
        WheelSpeedRearRight = new("WHEEL_SPEEDS", "WHEEL_SPEED_RR"),
        DisplaySpeed = new("SPEED", "SPEED"),
        TurnSignal = new("BLINKERS_STATE", "TURN_SIGNALS"),
        TurnSignalLeftRaw = 1, // VAL_ 1556 TURN_SIGNALS 3 "none" 2 "right" 1 "left"
        TurnSignalRightRaw = 2,
        CruiseSetSpeed = new("PCM_CRUISE_2", "SET_SPEED"),
        CruiseEngaged = new("PCM_CRUISE", "CRUISE_ACTIVE"),
        CruiseMainOn = new("PCM_CRUISE_2", "MAIN_ON"),
        BrakePressed = new("BRAKE_MODULE", "BRAKE_PRESSED"),
        GasPressed = new("PCM_CRUISE", "GAS_RELEASED"),
        GasPressedWhenZero = true,
        FollowDistance = new("PCM_CRUISE_2", "PCM_FOLLOW_DISTANCE"),
        FollowDistanceShortRaw = 3, // VAL_ 467 PCM_FOLLOW_DISTANCE 1 "far" 2 "medium" 3 "close"
        FollowDistanceMediumRaw = 2,
        FollowDistanceLongRaw = 1,
        SteeringWheelAngle = new("STEER_ANGLE_SENSOR", "STEER_ANGLE"),
        SteeringWheelAngleFraction = new("STEER_ANGLE_SENSOR", "STEER_FRACTION"),
        SteeringGeometry = Geometry,
        DriverSteeringTorque = new("STEER_TORQUE_SENSOR", "STEER_TORQUE_DRIVER"),
        SteeringPressedThreshold = 100,
        EpsMotorTorque = new("STEER_TORQUE_SENSOR", "STEER_TORQUE_EPS"),
        MessagesWithoutAgeLimit = ["BLINKERS_STATE"],
        ChecksumSignal = "CHECKSUM",
    };

    /// <summary>
    /// ACC_CONTROL (0x343): ACCEL_CMD in m/s² × 0.001, checksum in the last byte, no counter. The constants are the
    /// ones openpilot sent on this very car (byte 2 = 0x63, byte 3 = 0xC0 in all 2,000 frames of the RAV4 minute):
    /// ACC_TYPE 1, MINI_CAR 1, ALLOW_LONG_PRESS 3 (the DBC's [0|2] does not cover it, hence raw values),
    /// PERMIT_BRAKING 1, RELEASE_STANDSTILL 1.
    /// </summary>
    public static CommandFrameSpec AccControl { get; } = new()
    {
        Message = "ACC_CONTROL",
        AccelSignal = "ACCEL_CMD",
        PeriodNs = AccControlPeriodNs,
        MinAccelMps2 = AccelMinMps2,
        MaxAccelMps2 = AccelMaxMps2,
        ConstantRawValues = new Dictionary<string, long>
        {
            ["ACC_TYPE"] = 1,
            ["MINI_CAR"] = 1,
            ["ALLOW_LONG_PRESS"] = 3,
            ["PERMIT_BRAKING"] = 1,
            ["RELEASE_STANDSTILL"] = 1,
        },
        ChecksumSignal = "CHECKSUM",
    };

    /// <summary>
    /// STEERING_LKA (0x2E4, 5 bytes): STEER_TORQUE_CMD (signed 16 bits, raw), STEER_REQUEST, a 6-bit COUNTER, checksum in
    /// the last byte. The constants are the ones openpilot sent on this very car (SET_ME_1 = 1, LKA_STATE = 0 in all
    /// 6,000 frames of the RAV4 minute).
    /// </summary>
    public static SteeringTorqueFrameSpec SteeringLka { get; } = new()
    {
        Message = "STEERING_LKA",
        TorqueSignal = "STEER_TORQUE_CMD",
        RequestSignal = "STEER_REQUEST",
        PeriodNs = SteeringLkaPeriodNs,
        ConstantRawValues = new Dictionary<string, long> { ["SET_ME_1"] = 1, ["LKA_STATE"] = 0 },
        CounterSignal = "COUNTER",
        ChecksumSignal = "CHECKSUM",
    };

    /// <summary>The lateral command: STEERING_LKA, panda's Toyota torque limits with the RAV4's EPS scale (73 %), openpilot's RAV4 torque tune.</summary>
    public static LateralTorqueCommandSpec LateralCommand { get; } = new()
    {
        Frame = SteeringLka,
        Limits = new SteeringTorqueLimits(),
        Controller = new TorqueControllerOptions(),
    };

    public static IFrameChecksum Checksum => ToyotaChecksum.Instance;
}
