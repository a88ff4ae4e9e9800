using Octopilot.Core.Configuration;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Signals;
using Octopilot.Vehicle.Can.Tests.Infrastructure;
using Octopilot.Vehicle.Can.Toyota;

namespace Octopilot.Vehicle.Can.Tests.Interface;

/// <summary>The lateral command through the CAN interface: STEERING_LKA beside ACC_CONTROL, fed by the decoded steering state.</summary>
public class CanVehicleLateralTests
{
    private const long Ms = 1_000_000;

    /// <summary>Frames stamped this far ahead never age during a test (a state read "before" its frames has age 0).</summary>
    private const long FarFutureNs = 1_000_000 * 1_000 * Ms;

    private static readonly DbcMessage Lka = ToyotaData.Powertrain.GetMessage("STEERING_LKA");
    private static readonly SignalCodec Torque = SignalCodec.Create(Lka, Lka.GetSignal("STEER_TORQUE_CMD"));
    private static readonly SignalCodec Request = SignalCodec.Create(Lka, Lka.GetSignal("STEER_REQUEST"));

    [Fact]
    public void Send_EngagedCarAndAuthority_SteeringLkaEvery10MsRampingLeftWithTheRequest()
    {
        var sink = new RecordingFrameSink();
        using CanVehicleInterface vehicle = Started(sink, out _);
        var command = new PlannerOutput { CurvaturePerM = 0.002, LateralAuthority = LateralAuthority.Active };

        for (long t = 0; t < 1_000 * Ms; t += 10 * Ms)
        {
            vehicle.Send(command, t);
        }

        List<CanFrame> lka = sink.Frames.Where(f => f.Id == 0x2E4).ToList();
        Assert.Equal(100, lka.Count);
        Assert.All(lka, f => Assert.Equal(1, Request.DecodeRaw(f.Data)));
        Assert.Equal(Enumerable.Range(1, 23).Select(k => 15L * k), lka.Take(23).Select(f => Torque.DecodeRaw(f.Data))); // +15 per frame, to the motor limit
        Assert.All(lka, f => Assert.InRange(Torque.DecodeRaw(f.Data), 15, 350)); // the motor reports 0 here: no more than 350 ahead of it
        CanCounters counters = vehicle.ReadCanCounters();
        Assert.Equal((100L, 100L, 0L), (counters.LateralFramesWritten, counters.LateralRequestFrames, counters.LateralFramesFailed));
        Assert.Equal(34, counters.CommandFramesWritten); // ACC_CONTROL alongside, at 33 Hz
        Assert.Equal(134, vehicle.ReadCounters().CommandsDelivered);
    }

    [Fact]
    public void Send_DriverBrakes_SteeringReleasedAndCounted()
    {
        var sink = new RecordingFrameSink();
        using CanVehicleInterface vehicle = Started(sink, out QueueFrameSource bus);
        var command = new PlannerOutput { CurvaturePerM = 0.002, LateralAuthority = LateralAuthority.Active };
        vehicle.Send(command, 0);
        vehicle.Send(command, 10 * Ms);

        Produce(vehicle, bus, ToyotaDrive.AllMapped(FarFutureNs + 1, brake: true));
        vehicle.Send(command, 20 * Ms);

        CanFrame last = sink.Frames[^1];
        Assert.Equal((0x2E4u, 0L, 0L), (last.Id, Torque.DecodeRaw(last.Data), Request.DecodeRaw(last.Data)));
        Assert.Equal(1, vehicle.ReadCanCounters().LateralReleasedByCar);
    }

    [Fact]
    public void Send_SteeringWithAValidState_AllocatesNothing()
    {
        using CanVehicleInterface vehicle = Started(new RecordingFrameSink(capacity: 4_096), out _);
        var command = new PlannerOutput { TargetAccelMps2 = 0.3, CurvaturePerM = 0.002, LateralAuthority = LateralAuthority.Active };
        vehicle.Send(command, 0);

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 1; i <= 1_000; i++)
        {
            vehicle.Send(command, i * 10 * Ms);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1_001, vehicle.ReadCanCounters().LateralRequestFrames); // the steering path ran, not the released one
    }

    [Fact]
    public void Constructor_LateralCommandWithoutSteeringSensors_ConfigErrorNamesIt()
    {
        CanVehicleOptions options = CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain) with
        {
            Map = ToyotaTssP.SignalMap with { EpsMotorTorque = null },
        };

        ConfigException e = Assert.Throws<ConfigException>(() => new CanVehicleInterface(new QueueFrameSource(), new RecordingFrameSink(), options));

        Assert.Equal("LateralCommand", e.Field);
        Assert.Contains("EpsMotorTorque null", e.Message, StringComparison.Ordinal);
    }

    /// <summary>An interface on a test bus that already decoded an engaged car going straight at 72 km/h, stamped far ahead.</summary>
    private static CanVehicleInterface Started(RecordingFrameSink sink, out QueueFrameSource bus)
    {
        bus = new QueueFrameSource();
        var vehicle = new CanVehicleInterface(bus, sink, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        vehicle.Start();
        Produce(vehicle, bus, ToyotaDrive.AllMapped(FarFutureNs));
        return vehicle;
    }

    private static void Produce(CanVehicleInterface vehicle, QueueFrameSource bus, CanFrame[] frames)
    {
        long before = vehicle.ReadCanCounters().Received.Decoded;
        bus.Add(frames);
        Eventually.True(() => vehicle.ReadCanCounters().Received.Decoded >= before + frames.Length, "the reader decoded the frames");
    }
}
