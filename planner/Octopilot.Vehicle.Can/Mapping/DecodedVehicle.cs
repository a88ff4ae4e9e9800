using System.Runtime.CompilerServices;
using Octopilot.Planner.Inputs;
using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>
/// Everything decoded so far plus when each required message was last seen: a plain value (no references) so the
/// reader thread can publish it through a seqlock and a reader can judge it at its own time.
/// </summary>
internal struct DecodedVehicle
{
    /// <summary>Age-limited messages a mapping may require (a Toyota needs 5).</summary>
    public const int MaxRequiredMessages = 16;

    public double SpeedMps;
    public double AccelMps2;
    public double DisplaySpeedMps;
    public double SetSpeedMps;
    public double WheelFrontLeftMps;
    public double WheelFrontRightMps;
    public double WheelRearLeftMps;
    public double WheelRearRightMps;
    public Side TurnSignal;
    public bool Engaged;
    public bool MainOn;
    public bool BrakePressed;
    public bool GasPressed;
    public TimeGapSetting TimeGap;

    /// <summary>Steering-wheel angle, deg, + left: the whole part and the fine part as the car sends them, summed on read.</summary>
    public double SteeringAngleWholeDeg;
    public double SteeringAngleFractionDeg;

    /// <summary>Kinematic yaw rate from speed and steering angle, rad/s (0 when the map has no steering angle).</summary>
    public double YawRateRadps;

    /// <summary>Driver torque on the wheel and the power-steering motor's torque, DBC units, + left.</summary>
    public double DriverSteeringTorque;
    public double EpsMotorTorque;
    public bool SteeringPressed;

    /// <summary>Timestamp of the newest decoded frame, ns; <see cref="long.MinValue"/> before the first.</summary>
    public long NewestNs;

    /// <summary>Mapped messages not yet seen even once.</summary>
    public int MissingMessages;

    public int RequiredCount;

    /// <summary>Last-seen time per age-limited message, ns; <see cref="long.MinValue"/> until seen.</summary>
    public RequiredTimes RequiredSeenNs;

    public readonly double SteeringWheelAngleDeg => SteeringAngleWholeDeg + SteeringAngleFractionDeg;

    /// <summary>What the lateral command reads, with the validity judged at <paramref name="nowNs"/>.</summary>
    public readonly SteeringFeedback Steering(long nowNs, long silenceBoundNs) => new()
    {
        StateValid = Judge(nowNs, silenceBoundNs).IsValid,
        SpeedMps = SpeedMps,
        YawRateRadps = YawRateRadps,
        SteeringWheelAngleDeg = SteeringWheelAngleDeg,
        DriverTorque = DriverSteeringTorque,
        EpsMotorTorque = EpsMotorTorque,
        SteeringPressed = SteeringPressed,
        CruiseEngaged = Engaged,
        BrakePressed = BrakePressed,
        GasPressed = GasPressed,
    };

    /// <summary>Judges the state at <paramref name="nowNs"/>: silent when any age-limited message is older than the bound.</summary>
    public readonly VehicleStateSample Judge(long nowNs, long silenceBoundNs)
    {
        VehicleStateValidity validity;
        long ageNs = 0;
        if (NewestNs == long.MinValue)
        {
            validity = VehicleStateValidity.NeverReceived;
        }
        else if (MissingMessages > 0)
        {
            validity = VehicleStateValidity.Incomplete;
        }
        else
        {
            long oldestNs = long.MaxValue;
            for (int i = 0; i < RequiredCount; i++)
            {
                oldestNs = Math.Min(oldestNs, RequiredSeenNs[i]);
            }

            ageNs = oldestNs == long.MaxValue ? 0 : Math.Max(0, nowNs - oldestNs);
            validity = ageNs > silenceBoundNs ? VehicleStateValidity.Silent : VehicleStateValidity.Valid;
        }

        return new VehicleStateSample
        {
            State = new VehicleState
            {
                SpeedMps = SpeedMps,
                AccelMps2 = AccelMps2,
                YawRateRadps = YawRateRadps,
                Driver = new DriverInputs { TurnSignal = TurnSignal, SetSpeedMps = SetSpeedMps, TimeGap = TimeGap, Engaged = Engaged },
            },
            WheelSpeeds = new WheelSpeeds(WheelFrontLeftMps, WheelFrontRightMps, WheelRearLeftMps, WheelRearRightMps),
            DisplaySpeedMps = DisplaySpeedMps,
            BrakePressed = BrakePressed,
            GasPressed = GasPressed,
            SteeringPressed = SteeringPressed,
            CruiseMainOn = MainOn,
            UpdatedNs = NewestNs,
            AgeNs = ageNs,
            Validity = validity,
        };
    }

    [InlineArray(MaxRequiredMessages)]
    internal struct RequiredTimes
    {
        private long _element0;
    }
}
