using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;
using Octopilot.Vehicle;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Toyota;
using Xunit.Abstractions;

namespace Octopilot.KernelTests.Can;

/// <summary>
/// The real RAV4 bus through the real kernel: 2.5 s of the recorded powertrain bus (7.5..10 s: the first BLINKERS_STATE
/// at 8.46 s, cruise engaging at 9.02 s) written onto vcan by a second socket at the recorded pace, read by a
/// <see cref="CanVehicleInterface"/> over <see cref="SocketCanFrameSource"/>. Its state must be what decoding the same
/// frames offline gives, and valid. Validity is judged at the arrival of the state's newest frame: whether it is still
/// valid when the test thread looks again depends on how long the emulator stalled that thread (up to a few hundred ms
/// on a loaded host), which is no property of the code. The planner tick's view while the car talks is printed, not judged.
/// </summary>
public class Rav4ReplayOverVcanTests(ITestOutputHelper output)
{
    private const double FromS = 7.5;
    private const double ToS = 10.0;

    /// <summary>The planner's tick: how often the state is sampled while the car talks.</summary>
    private static readonly TimeSpan TickPeriod = TimeSpan.FromMilliseconds(10);

    /// <summary>How long the reader may lag behind the car's last frame.</summary>
    private static readonly TimeSpan ReadAllTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public void Replay_Rav4SliceOntoVcan_StateIsValidAndEqualsTheOfflineDecode()
    {
        CanFrame[] frames = Rav4Log.Can0Slice(FromS, ToS);
        var offline = new VehicleStateDecoder(Rav4Log.Powertrain, ToyotaTssP.SignalMap, ToyotaTssP.Checksum);
        foreach (CanFrame frame in frames)
        {
            offline.Accept(frame);
        }

        VehicleStateSample expected = offline.Sample(frames[^1].TimestampNs, CanVehicleOptions.DefaultSilenceBoundNs);
        Assert.Equal(VehicleStateValidity.Valid, expected.Validity); // the slice holds every mapped message
        Assert.True(expected.State.Driver.Engaged, "the slice should end engaged (cruise engages at 9.02 s)");

        using var bus = new VirtualCanBus();
        using var vehicle = new CanVehicleInterface(new SocketCanFrameSource(bus.Name), sink: null, CanVehicleOptions.ToyotaTssP(Rav4Log.Powertrain));
        using var car = new SocketCanFrameSource(bus.Name);
        vehicle.Start();

        // A planner tick on its own thread, as in the service: once the state is first valid it should stay valid.
        using var stop = new CancellationTokenSource();
        int ticks = 0, validTicks = 0, invalidAfterValid = 0;
        var planner = new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                bool valid = vehicle.TryReadState(MonotonicClock.Instance.NowNs, out _);
                ticks++;
                validTicks += valid ? 1 : 0;
                invalidAfterValid += !valid && validTicks > 0 ? 1 : 0;
                Thread.Sleep(TickPeriod);
            }
        }) { Name = "planner-tick" };
        planner.Start();
        (TimeSpan lateness, int retries) = PacedCar.Replay(car, frames);
        long replayedReads = vehicle.ReadCanCounters().Received.Frames;
        bool allRead = SpinWait.SpinUntil(() => vehicle.ReadCanCounters().Received.Frames >= frames.Length, ReadAllTimeout);
        vehicle.TryReadState(MonotonicClock.Instance.NowNs, out VehicleStateSample now);
        bool valid = vehicle.TryReadState(now.UpdatedNs, out VehicleStateSample live); // judged at its newest frame's arrival: see the class remarks
        stop.Cancel();
        planner.Join();

        CanCounters counters = vehicle.ReadCanCounters();
        output.WriteLine($"{frames.Length} frames over {ToS - FromS:F1} s on {bus.Name}; car lateness max {lateness.TotalMilliseconds:F1} ms, {retries} write retries; {replayedReads} read when the car finished");
        output.WriteLine($"decoder: {counters.Received}; source malformed {counters.SourceMalformed}");
        output.WriteLine($"planner ticks {ticks}: {validTicks} valid, {invalidAfterValid} invalid after the first valid one; after the replay {now.Validity} (age {now.AgeNs / 1e6:F1} ms)");
        output.WriteLine($"speed {live.State.SpeedMps:F3} m/s (offline {expected.State.SpeedMps:F3}), set {live.State.Driver.SetSpeedMps:F2} m/s, engaged {live.State.Driver.Engaged}");

        Assert.True(allRead, $"the interface read {counters.Received.Frames} of the {frames.Length} frames the car wrote (the rest were dropped from its socket's queue)");
        Assert.True(valid, $"state {live.Validity}, age {live.AgeNs / 1e6:F1} ms");
        Assert.Equal(offline.ReadCounters(), counters.Received); // every frame arrived once, intact (checksums, lengths)
        Assert.Equal(0, counters.SourceMalformed);
        Assert.Equal(expected.State with { AccelMps2 = 0 }, live.State with { AccelMps2 = 0 }); // accel differentiates arrival times, which differ from the log's
        Assert.Equal(expected.WheelSpeeds, live.WheelSpeeds);
        Assert.Equal(expected.DisplaySpeedMps, live.DisplaySpeedMps);
        Assert.Equal((expected.BrakePressed, expected.GasPressed, expected.SteeringPressed, expected.CruiseMainOn),
            (live.BrakePressed, live.GasPressed, live.SteeringPressed, live.CruiseMainOn));
        Assert.True(double.IsFinite(live.State.AccelMps2));
        Assert.True(validTicks > 0, "the planner never saw a valid state while the car talked");
    }
}
