using Octopilot.Core.Time;
using Octopilot.KernelTests.Infrastructure;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Sources;

namespace Octopilot.KernelTests.Can;

/// <summary>
/// <see cref="SocketCanFrameSource"/> against the kernel's raw CAN sockets on vcan: frames round-trip intact (standard,
/// extended, empty), non-data frames are counted and skipped, reads and writes allocate nothing, and failures name
/// the interface.
/// </summary>
public class SocketCanFrameSourceTests
{
    private static readonly long ReadTimeoutNs = 2 * TimeUnits.NsPerSecond;

    [Fact]
    public void TryWriteThenRead_StandardExtendedAndEmptyFrames_ArriveIntactAndStampedOnArrival()
    {
        using var bus = new VirtualCanBus();
        using var car = new SocketCanFrameSource(bus.Name);
        using var reader = new SocketCanFrameSource(bus.Name);
        CanFrame[] sent =
        [
            CanFrame.Create(0x000, []),
            CanFrame.Create(0x7FF, [0x01, 0x23, 0x45, 0x67, 0x89, 0xAB, 0xCD, 0xEF]),
            CanFrame.Create(0x1FFF_FFFF, [0xDE, 0xAD, 0xBE], isExtended: true),
            CanFrame.Create(0x0AA, [0x1A, 0x6F, 0x1A, 0x70, 0x1A, 0x6E, 0x1A, 0x71]),
        ];

        long before = MonotonicClock.Instance.NowNs;
        foreach (CanFrame frame in sent)
        {
            Assert.True(car.TryWrite(frame));
        }

        var received = new List<CanFrame>();
        CanFrame read = default;
        while (received.Count < sent.Length && reader.Read(ref read, ReadTimeoutNs, CancellationToken.None) == CanReadStatus.Frame)
        {
            received.Add(read);
        }

        long after = MonotonicClock.Instance.NowNs;
        Assert.Equal(sent.Select(f => (f.IsExtended, f.ToString())), received.Select(f => (f.IsExtended, f.ToString())));
        Assert.All(received, f => Assert.InRange(f.TimestampNs, before, after)); // CLOCK_MONOTONIC at arrival, like every other stamp
        Assert.Equal(received.Select(f => f.TimestampNs).Order(), received.Select(f => f.TimestampNs));
        Assert.Equal(CanReadStatus.TimedOut, car.Read(ref read, 100 * TimeUnits.NsPerMs, CancellationToken.None)); // a socket does not hear itself
        Assert.Equal((0, 0), (reader.MalformedInputs, car.WriteFailures));
    }

    [Fact]
    public void Read_RemoteFrame_CountedAsMalformedAndSkipped()
    {
        using var bus = new VirtualCanBus();
        using var reader = new SocketCanFrameSource(bus.Name);

        KernelGuest.Run("cansend", bus.Name, "123#R"); // can-utils: a remote (RTR) frame our sink cannot even express
        KernelGuest.Run("cansend", bus.Name, "456#0102");
        CanFrame read = default;

        Assert.Equal(CanReadStatus.Frame, reader.Read(ref read, ReadTimeoutNs, CancellationToken.None));
        Assert.Equal("456#0102", read.ToString());
        Assert.Equal(1, reader.MalformedInputs);
    }

    [Fact]
    public void TryWrite_IdTooLargeForItsFormat_RefusedAndCounted()
    {
        using var bus = new VirtualCanBus();
        using var car = new SocketCanFrameSource(bus.Name);
        var frame = CanFrame.Create(0x123, [0x01]);
        frame.Id = 0x800; // 12 bits in a standard frame: the kernel would read the top bits as flags

        Assert.False(car.TryWrite(frame));
        Assert.Equal(1, car.WriteFailures);
    }

    [Fact]
    public void ReadAndTryWrite_SteadyState_AllocateNothing()
    {
        using var bus = new VirtualCanBus();
        using var car = new SocketCanFrameSource(bus.Name);
        using var reader = new SocketCanFrameSource(bus.Name);
        CanFrame frame = CanFrame.Create(0x2E4, [0x80, 0x00, 0x00, 0x00, 0x6A]);
        CanFrame read = default;
        for (int i = 0; i < 100; i++) // warm-up: first calls resolve the P/Invokes and JIT the paths
        {
            Assert.True(car.TryWrite(frame));
            Assert.Equal(CanReadStatus.Frame, reader.Read(ref read, ReadTimeoutNs, CancellationToken.None));
        }

        Assert.Equal(CanReadStatus.TimedOut, reader.Read(ref read, TimeUnits.NsPerMs, CancellationToken.None));
        long allocated = GC.GetAllocatedBytesForCurrentThread();
        int frames = 0;
        for (int i = 0; i < 1_000; i++)
        {
            frames += car.TryWrite(frame) ? 1 : 0;
            frames += reader.Read(ref read, ReadTimeoutNs, CancellationToken.None) == CanReadStatus.Frame ? 1 : 0;
            reader.Read(ref read, 0, CancellationToken.None); // the empty-queue path: read, EAGAIN, timed out
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - allocated);
        Assert.Equal(2_000, frames);
    }

    [Fact]
    public void Read_InterfaceTakenDown_ThrowsNamingTheInterfaceAndWritesFail()
    {
        using var bus = new VirtualCanBus();
        using var car = new SocketCanFrameSource(bus.Name);
        using var reader = new SocketCanFrameSource(bus.Name);

        KernelGuest.Run("ip", "link", "set", "down", bus.Name);
        CanFrame read = default;
        IOException e = Assert.Throws<IOException>(() => reader.Read(ref read, ReadTimeoutNs, CancellationToken.None));

        Assert.Contains($"SocketCAN interface '{bus.Name}'", e.Message, StringComparison.Ordinal);
        Assert.Contains("ENETDOWN", e.Message, StringComparison.Ordinal);
        Assert.False(car.TryWrite(CanFrame.Create(0x123, [0x01])));
        Assert.Equal(1, car.WriteFailures);
    }

    [Fact]
    public void Open_NoSuchInterface_FailsWithEnodevAndHowToBringItUp()
    {
        using var bus = new VirtualCanBus(); // SocketCAN loaded: the failure is the name, not the protocol

        IOException e = Assert.Throws<IOException>(() => new SocketCanFrameSource("vcan-absent").Dispose());

        Assert.Contains("SocketCAN interface 'vcan-absent' could not be opened", e.Message, StringComparison.Ordinal);
        Assert.Contains("if_nametoindex failed with ENODEV", e.Message, StringComparison.Ordinal);
        Assert.Contains("ip link set vcan-absent up", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_AfterDispose_ThrowsObjectDisposed()
    {
        using var bus = new VirtualCanBus();
        var reader = new SocketCanFrameSource(bus.Name);
        reader.Dispose();
        reader.Dispose(); // idempotent: the interface disposes a source that is also its sink once

        CanFrame read = default;
        Assert.Throws<ObjectDisposedException>(() => reader.Read(ref read, 0, CancellationToken.None));
    }
}
