using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Tests.Infrastructure;

namespace Octopilot.Vehicle.Can.Tests.Vehicle;

/// <summary>The contract, against the CAN interface reading a bus the test drives (Toyota frames, Toyota preset).</summary>
public class CanVehicleContractTests : VehicleInterfaceContractTests
{
    private readonly QueueFrameSource _bus = new(); // xunit makes one instance per test, so one bus per test

    protected override long SilenceBoundNs => CanVehicleOptions.DefaultSilenceBoundNs;

    protected override IVehicleInterface CreateStarted()
    {
        var vehicle = new CanVehicleInterface(_bus, new RecordingFrameSink(), CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        vehicle.Start();
        return vehicle;
    }

    protected override void Produce(IVehicleInterface vehicle, long nowNs)
    {
        var can = (CanVehicleInterface)vehicle;
        long before = can.ReadCanCounters().Received.Decoded;
        var frames = ToyotaDrive.AllMapped(nowNs);
        _bus.Add(frames);
        Eventually.True(() => can.ReadCanCounters().Received.Decoded >= before + frames.Length, "the reader decoded the frames");
    }
}
