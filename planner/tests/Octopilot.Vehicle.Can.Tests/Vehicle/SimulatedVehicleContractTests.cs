using Octopilot.Vehicle.Simulation;

namespace Octopilot.Vehicle.Can.Tests.Vehicle;

/// <summary>The contract, against the simulated vehicle (its time moves with Advance and Send).</summary>
public class SimulatedVehicleContractTests : VehicleInterfaceContractTests
{
    protected override long SilenceBoundNs => SimulatedVehicleOptions.DefaultSilenceBoundNs;

    protected override IVehicleInterface CreateStarted()
    {
        var vehicle = new SimulatedVehicleInterface(new SimulatedVehicleOptions { InitialSpeedMps = 20 });
        vehicle.Start();
        return vehicle;
    }

    protected override void Produce(IVehicleInterface vehicle, long nowNs) => ((SimulatedVehicleInterface)vehicle).Advance(nowNs);
}
