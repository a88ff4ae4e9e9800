using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Simulation;

namespace Octopilot.Vehicle.Can.Tests.Vehicle;

/// <summary>The simulated car: the command through the actuator lag, standstill, driver inputs, stopping.</summary>
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
    public void Options_OutOfRange_RefusedWhenSet()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { InitialSpeedMps = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { ActuatorLagS = 0.001 });
        Assert.Throws<ArgumentOutOfRangeException>(() => new SimulatedVehicleOptions { SilenceBoundNs = 0 });
    }
}
