using System.Diagnostics;
using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;
using Octopilot.Vehicle;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interface;
using Octopilot.Vehicle.Can.Sources;
using Xunit.Abstractions;

namespace Octopilot.KernelTests.Can;

/// <summary>
/// A bus that goes quiet, on the real kernel: the state turns Silent once the car stops (and valid again when it
/// talks), a read on a silent bus returns TimedOut within its timeout, cancellation ends a wait within the slice, and
/// Stop ends the reader thread instead of leaving it blocked.
/// </summary>
public class SilentBusTests(ITestOutputHelper output)
{
    /// <summary>
    /// Emulation stalls a thread for a while (TCG, 2 vCPUs shared with the test runner; 483 ms seen on a loaded host):
    /// the bound on lateness. Still tells a timeout honoured from one ignored (a 30 s wait).
    /// </summary>
    private static readonly TimeSpan EmulationSlack = TimeSpan.FromSeconds(1);

    [Fact]
    public void TryReadState_CarStopsTalking_SilentAfterTheBoundAndValidAgainWhenItTalks()
    {
        using var bus = new VirtualCanBus();
        using var vehicle = new CanVehicleInterface(new SocketCanFrameSource(bus.Name), sink: null, CanVehicleOptions.ToyotaTssP(Rav4Log.Powertrain));
        using var car = new SocketCanFrameSource(bus.Name);
        vehicle.Start();
        CanFrame[] talk = Rav4Log.Can0Slice(Rav4Log.FirstBlinkersS - 0.2, Rav4Log.FirstBlinkersS + 0.6);

        bool validWhenStopped = Talk(vehicle, car, talk, out VehicleStateSample talking);
        Thread.Sleep(TimeSpan.FromTicks(CanVehicleOptions.DefaultSilenceBoundNs / 100) + TimeSpan.FromMilliseconds(20));
        bool validAfterBound = vehicle.TryReadState(MonotonicClock.Instance.NowNs, out VehicleStateSample quiet);
        bool validAgain = Talk(vehicle, car, Rav4Log.Can0Slice(Rav4Log.FirstBlinkersS + 0.6, Rav4Log.FirstBlinkersS + 1.0), out VehicleStateSample back);

        output.WriteLine($"talking: {talking.Validity}, age {talking.AgeNs / 1e6:F1} ms; quiet: {quiet.Validity}, age {quiet.AgeNs / 1e6:F1} ms; back: {back.Validity}; became invalid {vehicle.ReadCounters().BecameInvalid} time(s)");
        Assert.True(validWhenStopped, $"state {talking.Validity} (age {talking.AgeNs / 1e6:F1} ms) at the car's last frame");
        Assert.True(validAgain, $"state {back.Validity} (age {back.AgeNs / 1e6:F1} ms) once the car talked again");
        Assert.False(validAfterBound);
        Assert.Equal(VehicleStateValidity.Silent, quiet.Validity);
        Assert.True(quiet.AgeNs > CanVehicleOptions.DefaultSilenceBoundNs);
        Assert.True(double.IsNaN(quiet.ForPlanner().SpeedMps)); // the planner's fallback trigger
        Assert.Null(vehicle.ReaderError); // quiet is not a failure: the reader kept waiting
    }

    /// <summary>
    /// The car writes <paramref name="frames"/> at their pace; once the interface has read them all, the state judged
    /// at its newest frame's arrival (real time can be later by however long the emulator stalled this thread).
    /// </summary>
    /// <remarks>
    /// When the emulator stalls the car's own thread past <see cref="StalledCarLateness"/>, the car really was silent for
    /// that long and a Silent verdict is the interface being right; the talk is then repeated (at most
    /// <see cref="TalkAttempts"/> times). A verdict that is wrong while the car kept its pace still fails at once.
    /// </remarks>
    private static bool Talk(CanVehicleInterface vehicle, SocketCanFrameSource car, CanFrame[] frames, out VehicleStateSample judged)
    {
        bool valid = false;
        judged = default;
        for (int attempt = 1; attempt <= TalkAttempts; attempt++)
        {
            long before = vehicle.ReadCanCounters().Received.Frames;
            (TimeSpan lateness, _) = PacedCar.Replay(car, frames);
            Eventually.True(() => vehicle.ReadCanCounters().Received.Frames >= before + frames.Length, "the interface read every frame the car wrote");
            vehicle.TryReadState(MonotonicClock.Instance.NowNs, out VehicleStateSample now);
            valid = vehicle.TryReadState(now.UpdatedNs, out judged);
            if (valid || lateness < StalledCarLateness)
            {
                return valid;
            }
        }

        return valid;
    }

    /// <summary>How late the car's frames may go out before a Silent verdict is the car's stall, not the interface's error.</summary>
    private static readonly TimeSpan StalledCarLateness = TimeSpan.FromMilliseconds(30);

    private const int TalkAttempts = 3;

    [Fact]
    public void Read_SilentBus_TimesOutWithinItsTimeout()
    {
        using var bus = new VirtualCanBus();
        using var source = new SocketCanFrameSource(bus.Name);
        TimeSpan timeout = TimeSpan.FromMilliseconds(50);
        CanFrame frame = default;
        var took = new List<TimeSpan>();
        for (int i = 0; i < 10; i++)
        {
            long started = Stopwatch.GetTimestamp();
            Assert.Equal(CanReadStatus.TimedOut, source.Read(ref frame, (long)timeout.TotalNanoseconds, CancellationToken.None));
            took.Add(Stopwatch.GetElapsedTime(started));
        }

        output.WriteLine($"50 ms reads on a silent bus took {took.Min().TotalMilliseconds:F1}..{took.Max().TotalMilliseconds:F1} ms");
        Assert.All(took, t => Assert.InRange(t, timeout, timeout + EmulationSlack));
        Assert.Equal(CanReadStatus.TimedOut, source.Read(ref frame, 0, CancellationToken.None)); // 0: only what is queued
    }

    [Fact]
    public void Read_CancelledWhileWaiting_ReturnsCancelledWithinTheSlice()
    {
        using var bus = new VirtualCanBus();
        using var source = new SocketCanFrameSource(bus.Name);
        using var cancel = new CancellationTokenSource();
        CanReadStatus status = CanReadStatus.Frame;
        long cancelledAt = 0, returnedAt = 0;
        var reader = new Thread(() =>
        {
            CanFrame frame = default;
            status = source.Read(ref frame, 30 * TimeUnits.NsPerSecond, cancel.Token);
            returnedAt = Stopwatch.GetTimestamp();
        });
        reader.Start();
        Thread.Sleep(200);
        cancelledAt = Stopwatch.GetTimestamp();
        cancel.Cancel();
        Assert.True(reader.Join(TimeSpan.FromSeconds(5)), "a read with a 30 s timeout ignored its cancellation");

        TimeSpan took = Stopwatch.GetElapsedTime(cancelledAt, returnedAt);
        output.WriteLine($"returned {took.TotalMilliseconds:F1} ms after the cancellation (slice {SocketCanFrameSource.CancellationSliceNs / 1e6} ms)");
        Assert.Equal(CanReadStatus.Cancelled, status);
        Assert.InRange(took, TimeSpan.Zero, TimeSpan.FromTicks(SocketCanFrameSource.CancellationSliceNs / 100) + EmulationSlack);
    }

    [Fact]
    public void Stop_SilentBus_ReaderThreadEnds()
    {
        using var bus = new VirtualCanBus();
        using var vehicle = new CanVehicleInterface(new SocketCanFrameSource(bus.Name), sink: null, CanVehicleOptions.ToyotaTssP(Rav4Log.Powertrain));
        vehicle.Start();
        Thread.Sleep(200); // the reader is waiting in poll(2) on a bus nobody writes

        long started = Stopwatch.GetTimestamp();
        vehicle.Stop();

        Assert.True(vehicle.WaitForReaderExit(TimeSpan.Zero), "Stop returned with the reader still blocked on the silent bus");
        output.WriteLine($"Stop took {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F1} ms");
        Assert.Null(vehicle.ReaderError);
    }
}
