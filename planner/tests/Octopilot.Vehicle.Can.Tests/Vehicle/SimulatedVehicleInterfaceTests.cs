using Octopilot.Planner.Inputs;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Simulation;

namespace Octopilot.Vehicle.Can.Tests.Vehicle;

/// <summary>The simulated car: the command through the actuator lag, standstill, driver inputs, stopping, the lateral model.</summary>
public class SimulatedVehicleInterfaceTests
{
    private const long TickNs = 10_000_000;

    [Fact]
    public void Send_ConstantCommand_SpeedFollowsThroughTheActuatorLag()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 10, ActuatorLagS = 0.3 });
        vehicle.Start();
        var command = new PlannerOutput { TargetAccelMps2 = 1.0 };

        for (long t = 0; t <= 5_000_000_000; t += TickNs)
        {
            vehicle.Send(command, t);
        }

        Assert.True(vehicle.TryReadState(5_000_000_000, out VehicleStateSample sample));
        // v(t) = v0 + a·(t − τ(1 − e^(−t/τ))) for a first-order lag: 10 + 1·(5 − 0.3) = 14.7 m/s (Euler at 10 ms: ±0.02)
        Assert.Equal(14.7, sample.State.SpeedMps, 1);
        Assert.Equal(1.0, sample.State.AccelMps2, 3);
    }

    [Fact]
    public void Send_Braking_StopsAndHoldsWithoutRollingBack()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 5 });
        vehicle.Start();

        for (long t = 0; t <= 10_000_000_000; t += TickNs)
        {
            vehicle.Send(new PlannerOutput { TargetAccelMps2 = -3.0 }, t);
        }

        vehicle.TryReadState(10_000_000_000, out VehicleStateSample sample);
        Assert.Equal(0, sample.State.SpeedMps);
        Assert.True(sample.State.AccelMps2 >= 0);
    }

    [Fact]
    public void SetDriver_InputsAppearInTheState()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20 });
        vehicle.Start();
        vehicle.SetDriver(new DriverInputs { Engaged = true, SetSpeedMps = 27, TurnSignal = Side.Right });

        vehicle.Advance(0);

        vehicle.TryReadState(0, out VehicleStateSample sample);
        Assert.Equal((true, 27.0, Side.Right), (sample.State.Driver.Engaged, sample.State.Driver.SetSpeedMps, sample.State.Driver.TurnSignal));
    }

    [Fact]
    public void Send_WhileStopped_CountedAsFailedAndTheStateAges()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20 });
        vehicle.Start();
        vehicle.Send(default, 0);
        vehicle.Stop();

        vehicle.Send(default, TickNs);

        Assert.Equal((2L, 1L, 1L), (vehicle.ReadCounters().CommandsReceived, vehicle.ReadCounters().CommandsDelivered, vehicle.ReadCounters().CommandsFailed));
        Assert.False(vehicle.TryReadState(SimulatedVehicleOptions.DefaultSilenceBoundNs + 1, out VehicleStateSample sample));
        Assert.Equal(VehicleStateValidity.Silent, sample.Validity);
    }

    [Fact]
    public void Send_ConstantCurvature_YawRateSettlesAtSpeedTimesCurvature()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20 });
        vehicle.Start();
        var command = new PlannerOutput { CurvaturePerM = 0.01, LateralAuthority = LateralAuthority.Active };

        for (long t = 0; t <= 3_000_000_000; t += TickNs)
        {
            vehicle.Send(command, t);
        }

        vehicle.TryReadState(3_000_000_000, out VehicleStateSample sample);
        Assert.Equal(0.2, sample.State.YawRateRadps, 6); // v·κ = 20 · 0.01 after 15 steering time constants
        Assert.Equal(0.01, vehicle.Lateral.CurvaturePerM, 6);
        Assert.Equal(20 * 0.01 * 3.0, vehicle.Lateral.HeadingRad, 1); // ≈ 0.6 rad, less the lag's first 0.2 s
    }

    [Fact]
    public void Send_CurvatureStep_YawRateFollowsTheSteeringLag()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20, SteeringLagS = 0.2 });
        vehicle.Start();
        var command = new PlannerOutput { CurvaturePerM = 0.001, LateralAuthority = LateralAuthority.Holding };

        for (long t = 0; t <= 200_000_000; t += TickNs)
        {
            vehicle.Send(command, t);
        }

        vehicle.TryReadState(200_000_000, out VehicleStateSample sample);
        Assert.Equal(1 - Math.Exp(-1), sample.State.YawRateRadps / (20 * 0.001), 3); // 63 % after one time constant
    }

    [Fact]
    public void Send_AuthorityNone_CurvatureIgnoredAndTheWheelsReturnStraight()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20 });
        vehicle.Start();
        long t = 0;
        for (; t <= 2_000_000_000; t += TickNs)
        {
            vehicle.Send(new PlannerOutput { CurvaturePerM = 0.01, LateralAuthority = LateralAuthority.Active }, t);
        }

        for (; t <= 4_000_000_000; t += TickNs)
        {
            vehicle.Send(new PlannerOutput { CurvaturePerM = 0.01, LateralAuthority = LateralAuthority.None }, t);
        }

        vehicle.TryReadState(t - TickNs, out VehicleStateSample sample);
        Assert.InRange(Math.Abs(sample.State.YawRateRadps), 0, 0.2 * Math.Exp(-9)); // 2 s = 10 time constants of release
    }

    [Fact]
    public void Send_NonFiniteCurvature_DrivenStraight()
    {
        using var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20 });
        vehicle.Start();

        for (long t = 0; t <= 1_000_000_000; t += TickNs)
        {
            vehicle.Send(new PlannerOutput { CurvaturePerM = double.NaN, LateralAuthority = LateralAuthority.Active }, t);
        }

        vehicle.TryReadState(1_000_000_000, out VehicleStateSample sample);
        Assert.Equal(0, sample.State.YawRateRadps);
        Assert.Equal(0, vehicle.Lateral.YM);
    }

    [Fact]
    public void Options_OutOfRange_RefusedWhenSetNamingTheOption()
    {
        Assert.Equal("InitialSpeedMps", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { InitialSpeedMps = -1 }).ParamName);
        Assert.Equal("ActuatorLagS", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { ActuatorLagS = 0.001 }).ParamName);
        Assert.Equal("SilenceBoundNs", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { SilenceBoundNs = 0 }).ParamName);
        Assert.Equal("WheelbaseM", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { WheelbaseM = 0 }).ParamName);
        Assert.Equal("WheelbaseM", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { WheelbaseM = double.NaN }).ParamName);
        Assert.Equal("SteeringLagS", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { SteeringLagS = -0.1 }).ParamName);
        Assert.Equal("SteeringLagS", Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { SteeringLagS = double.PositiveInfinity }).ParamName);
        Assert.Equal((2.8, 0.2), (new SimulatedVehicleOptions().WheelbaseM, new SimulatedVehicleOptions().SteeringLagS)); // KinematicBicycle's defaults
    }
}
