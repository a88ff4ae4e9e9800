using Octopilot.Core.Time;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Signals;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Tests.Infrastructure;

namespace Octopilot.Vehicle.Can.Tests.Interface;

/// <summary>The CAN interface end to end: reader thread, replayed logs, silence, command frames, failures.</summary>
public class CanVehicleInterfaceTests
{
    private const long Ms = 1_000_000;
    private static readonly long Bound = CanVehicleOptions.DefaultSilenceBoundNs;

    [Fact]
    public void TryReadState_PacedCandumpLog_ValidWhileFramesFlowInvalidAfterTheSilenceBound()
    {
        // 300 ms of Toyota traffic every 10 ms, replayed at its own pace on a virtual clock.
        var lines = new List<string>();
        for (long t = 0; t < 300 * Ms; t += 10 * Ms)
        {
            lines.AddRange((t == 0 ? ToyotaDrive.AllMapped(t) : ToyotaDrive.Periodic(t)).Select(f => CandumpText.Line(f)));
        }

        const long startNs = 7_000 * Ms;
        var clock = new VirtualClock(startNs);
        var source = new CandumpLogSource(CandumpText.Stream(lines), "made-up.log", new CandumpLogOptions { Pacing = CandumpPacing.Timestamps, Clock = clock });
        using var vehicle = new CanVehicleInterface(source, sink: null, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        vehicle.Start();

        long expectedFrames = 0;
        for (long t = 0; t < 300 * Ms; t += 10 * Ms)
        {
            clock.AdvanceTo(startNs + t);
            expectedFrames += t == 0 ? ToyotaDrive.AllMapped(t).Length : ToyotaDrive.Periodic(t).Length;
            long expected = expectedFrames;
            Eventually.True(() => vehicle.ReadCanCounters().Received.Decoded == expected, $"frames up to {t / Ms} ms decoded");

            Assert.True(vehicle.TryReadState(clock.NowNs, out VehicleStateSample sample), $"invalid at {t / Ms} ms: {sample.Validity}");
            Assert.Equal(startNs + t, sample.UpdatedNs); // paced frames carry the clock's time
        }

        Eventually.True(() => vehicle.SourceEnded, "the log ended");
        long lastNs = startNs + (290 * Ms);
        Assert.True(vehicle.TryReadState(lastNs + Bound, out _));
        Assert.False(vehicle.TryReadState(lastNs + Bound + 1, out VehicleStateSample silent));
        Assert.Equal(VehicleStateValidity.Silent, silent.Validity);
        Assert.Equal(72 / 3.6, silent.State.SpeedMps, 2); // last values kept, but marked unusable
    }

    [Fact]
    public void Start_ReaderRunsOnItsOwnNamedThread()
    {
        var bus = new QueueFrameSource();
        using var vehicle = new CanVehicleInterface(bus, null, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain) with { ReaderThreadName = "can-rx-test" });

        vehicle.Start();

        Eventually.True(() => bus.ReaderThreadName is not null, "the reader called Read");
        Assert.Equal("can-rx-test", bus.ReaderThreadName);
    }

    [Fact]
    public void ReadLoop_SourceThrows_ReaderStopsWithTheReasonAndTheStateGoesSilent()
    {
        var bus = new QueueFrameSource();
        using var vehicle = new CanVehicleInterface(bus, null, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        vehicle.Start();
        bus.Add(ToyotaDrive.AllMapped(0));
        Eventually.True(() => vehicle.TryReadState(0, out _), "the first state");

        bus.FailNextRead = new IOException("network is down");

        Assert.True(vehicle.WaitForReaderExit(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, vehicle.ReadCanCounters().ReaderFailures);
        Assert.Contains("IOException: network is down", vehicle.ReaderError, StringComparison.Ordinal);
        Assert.False(vehicle.TryReadState(Bound + 1, out _));
    }

    [Fact]
    public void Send_ToyotaPreset_WritesAccControlEvery30MsWithValidChecksums()
    {
        var sink = new RecordingFrameSink();
        using var vehicle = new CanVehicleInterface(new QueueFrameSource(), sink, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        vehicle.Start();
        var accelCmd = SignalCodec.Create(ToyotaData.Powertrain.GetMessage("ACC_CONTROL"), ToyotaData.Powertrain.GetMessage("ACC_CONTROL").GetSignal("ACCEL_CMD"));

        for (long t = 0; t < 1_000 * Ms; t += 10 * Ms)
        {
            vehicle.Send(new PlannerOutput { TargetAccelMps2 = -1.5 }, t);
        }

        List<CanFrame> acc = sink.Frames.Where(f => f.Id == 0x343).ToList();
        Assert.Equal(34, acc.Count); // 0, 30, ..., 990 ms
        Assert.All(acc, f =>
        {
            Assert.Equal(f.Data[^1], Can.Checksums.ToyotaChecksum.Instance.Compute(f.Id, f.Data));
            Assert.Equal(-1.5, accelCmd.Decode(f.Data), 9);
        });
        Assert.Equal(100, sink.Frames.Count(f => f.Id == 0x2E4)); // STEERING_LKA every tick, released (no state, no authority)
        Assert.Equal(134, sink.Count);
        VehicleInterfaceCounters counters = vehicle.ReadCounters();
        Assert.Equal((100L, 134L, 0L), (counters.CommandsReceived, counters.CommandsDelivered, counters.CommandsFailed));
    }

    [Fact]
    public void Send_ListenOnlyOrSinkRefuses_CountedAsFailed()
    {
        using var listenOnly = new CanVehicleInterface(new QueueFrameSource(), null, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        var full = new RecordingFrameSink { Refuse = true };
        using var refusing = new CanVehicleInterface(new QueueFrameSource(), full, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));

        listenOnly.Send(default, 0);
        refusing.Send(default, 0);

        Assert.Equal(1, listenOnly.ReadCounters().CommandsFailed);
        Assert.Equal(1, refusing.ReadCanCounters().CommandFramesFailed);
    }

    [Fact]
    public void Replay_Rav4First10Seconds_EveryFrameAccountedForNoneRejected()
    {
        var source = new CandumpLogSource(ToyotaData.RawCanFirst10sPath, new CandumpLogOptions { Interface = "can0" });
        using var vehicle = new CanVehicleInterface(source, null, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain) with { Command = null });

        vehicle.Start();
        Assert.True(vehicle.WaitForReaderExit(TimeSpan.FromSeconds(30)));

        Assert.True(vehicle.SourceEnded);
        CanCounters counters = vehicle.ReadCanCounters();
        Can.Mapping.DecoderCounters r = counters.Received;
        Assert.Equal(r.Frames, r.Decoded + r.Unused + r.UnknownIds + r.BadLength + r.BadChecksum);
        Assert.Equal((0L, 0L, 0L), (r.BadLength, r.BadChecksum, counters.SourceMalformed));
        Assert.True(r.UnknownIds > 0); // e.g. 0x0BA and 0x1AA are on the bus but not in the DBC
        // The first 10 s hold one BLINKERS_STATE frame (at 8.46 s); the state is complete from then on.
        Assert.True(vehicle.TryReadState(46_418_577_000_000, out VehicleStateSample sample), sample.Validity.ToString());
        Assert.InRange(sample.State.SpeedMps, 8, 20); // 29..71 km/h in this minute
    }

    [Fact]
    public void Dispose_ClosesTheSource()
    {
        var bus = new QueueFrameSource();
        var vehicle = new CanVehicleInterface(bus, null, CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain));
        vehicle.Start();

        vehicle.Dispose();

        Assert.True(bus.Disposed);
    }

    [Fact]
    public void Options_OutOfRange_RefusedWhenSet()
    {
        CanVehicleOptions options = CanVehicleOptions.ToyotaTssP(ToyotaData.Powertrain);

        Assert.Throws<ArgumentOutOfRangeException>(() => options with { SilenceBoundNs = 0 });
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { ReadTimeoutNs = -1 });
        Assert.Throws<ArgumentOutOfRangeException>(() => options with { AccelFilterTimeConstantS = double.NaN });
    }

    [Fact]
    public void SocketCan_NoSuchInterface_FailsNamingItAndHowToBringItUp()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // SocketCAN exists only on Linux
        }

        IOException? e = null;
        try
        {
            new SocketCanFrameSource("vcan-absent").Dispose(); // this machine has no CAN interfaces at all
        }
        catch (IOException caught)
        {
            e = caught;
        }

        Assert.NotNull(e);
        Assert.Contains("SocketCAN interface 'vcan-absent' could not be opened", e.Message, StringComparison.Ordinal);
        Assert.Contains("ip link set vcan-absent up", e.Message, StringComparison.Ordinal);
    }

}
