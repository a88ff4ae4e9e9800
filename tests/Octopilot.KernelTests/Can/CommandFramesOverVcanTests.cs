using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;
using Octopilot.Planner.Lateral;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Commands;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Steering;
using Xunit.Abstractions;

namespace Octopilot.KernelTests.Can;

/// <summary>
/// The planner's commands out through the real kernel: <see cref="CanVehicleInterface.Send"/> over a
/// <see cref="SocketCanFrameSource"/> on vcan, read back by a second socket (the car), must be byte for byte the
/// frames the encoders make for the same commands at the same times: ACC_CONTROL (accel, checksum) and STEERING_LKA
/// (counter, checksum). No car frames are written, so the state is never valid and STEERING_LKA carries request 0 and
/// torque 0, as the interface sends it then; its counter and checksum still change every frame.
/// </summary>
public class CommandFramesOverVcanTests(ITestOutputHelper output)
{
    /// <summary>3 s of planner ticks at 100 Hz: 100 ACC_CONTROL frames (33 Hz) and 300 STEERING_LKA frames (100 Hz).</summary>
    private const int Ticks = 300;

    private const long TickNs = 10 * TimeUnits.NsPerMs;

    /// <summary>Send takes the caller's time; a virtual start 1 s in keeps the schedule independent of the guest's clock.</summary>
    private const long StartNs = TimeUnits.NsPerSecond;

    private static readonly TimeSpan FrameTimeout = TimeSpan.FromSeconds(2);

    [Fact]
    public void Send_PlannerCommands_FramesOnTheBusAreTheEncodersBytes()
    {
        using var bus = new VirtualCanBus();
        CanVehicleOptions options = CanVehicleOptions.ToyotaTssP(Rav4Log.Powertrain);
        var socket = new SocketCanFrameSource(bus.Name);
        using var vehicle = new CanVehicleInterface(socket, socket, options);
        using var car = new SocketCanFrameSource(bus.Name);
        vehicle.Start();
        var accEncoder = new CyclicCommandEncoder(options.Dbc, options.Command!, options.Checksum);
        var lkaEncoder = new LateralTorqueEncoder(options.Dbc, options.LateralCommand!, options.Checksum);

        var expected = new List<CanFrame>();
        var received = new List<CanFrame>();
        CanFrame frame = default;
        for (int tick = 0; tick < Ticks; tick++)
        {
            long nowNs = StartNs + (tick * TickNs);
            PlannerOutput command = Command(tick);
            int due = expected.Count;
            if (accEncoder.TryEncode(command, nowNs, ref frame))
            {
                expected.Add(frame);
            }

            if (lkaEncoder.TryEncode(command, default, nowNs, ref frame))
            {
                expected.Add(frame);
            }

            vehicle.Send(command, nowNs);
            for (int i = due; i < expected.Count; i++)
            {
                // Read as they are sent: vcan has no flow control, and 400 frames unread could overflow the car's socket queue.
                Assert.Equal(CanReadStatus.Frame, car.Read(ref frame, (long)FrameTimeout.TotalNanoseconds, CancellationToken.None));
                received.Add(frame);
            }
        }

        CanReadStatus after = car.Read(ref frame, 200 * TimeUnits.NsPerMs, CancellationToken.None);
        output.WriteLine($"{expected.Count} frames expected, {received.Count} read; first ACC_CONTROL {received.First(f => f.Id == 0x343)}, last STEERING_LKA {received.Last(f => f.Id == 0x2E4)}");

        Assert.Equal(CanReadStatus.TimedOut, after); // nothing beyond what the encoders made
        Assert.Equal((100, 300), (expected.Count(f => f.Id == 0x343), expected.Count(f => f.Id == 0x2E4)));
        Assert.Equal(expected.Select(Candump), received.Select(Candump));
        Assert.Contains("343#FC6863C0000000D5", received.Select(Candump)); // openpilot's own frame for -0.920 m/s² (README)
        Assert.Equal(64, received.Where(f => f.Id == 0x2E4).Select(f => (f.Data[0] >> 1) & 0x3F).Distinct().Count()); // COUNTER (byte 0, bits 6..1) ran through all 64 values
        Assert.Equal(400, vehicle.ReadCounters().CommandsDelivered);
        Assert.Equal(0, vehicle.ReadCounters().CommandsFailed);
        Assert.Equal(0, socket.WriteFailures);
    }

    /// <summary>Accelerations across the car's limits (clamped at -3.5 and 2.0, NaN sent as 0) and a steady curvature request.</summary>
    private static PlannerOutput Command(int tick) => new()
    {
        TargetAccelMps2 = (tick / 30 % 6) switch
        {
            0 => -0.92,
            1 => -4.0,
            2 => 0.0,
            3 => 1.25,
            4 => 2.6,
            _ => double.NaN,
        },
        CurvaturePerM = 0.002,
        LateralAuthority = LateralAuthority.Active,
    };

    private static string Candump(CanFrame frame) => (frame.IsExtended ? "x" : "") + frame;
}
