using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Octopilot.Core.Time;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Interop.Linux.Libc;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>
/// A live SocketCAN interface (<c>can0</c>, <c>vcan0</c>): one raw CAN socket (PF_CAN, SOCK_RAW, CAN_RAW, non-blocking)
/// bound to the interface, for both reading and writing classic frames (16-byte <c>struct can_frame</c>).
/// <see cref="Read"/> waits in poll(2): it honours its timeout and notices cancellation within
/// <see cref="CancellationSliceNs"/>. <see cref="TryWrite"/> never blocks: a full transmit queue is a counted failure.
/// Neither allocates. The socket does not receive its own frames (CAN_RAW_RECV_OWN_MSGS is off by default), but every
/// other socket on the interface does: a second source on the same interface is the other end of the bus in tests.
/// Frames are stamped with the injected clock on return from the read, not with the kernel's receive time: SO_TIMESTAMP
/// and SO_TIMESTAMPNS stamp CLOCK_REALTIME (it jumps with NTP and is not comparable with the camera frames'
/// CLOCK_MONOTONIC), and the delay between the kernel queueing a frame and this thread reading it is microseconds,
/// far below the 100 ms silence bound and the ~10 ms frame periods the decoder cares about.
/// Threads: one reader calls <see cref="Read"/>, one writer calls <see cref="TryWrite"/>; <see cref="Dispose"/> from any
/// thread (a call in flight keeps the socket open until it returns; later calls throw <see cref="ObjectDisposedException"/>).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SocketCanFrameSource : ICanFrameSource, ICanFrameSink
{
    /// <summary>20 ms: the longest single poll(2) wait, so a cancelled <see cref="Read"/> returns within about this.</summary>
    public const long CancellationSliceNs = 20 * TimeUnits.NsPerMs;

    private const long NsPerTimeSpanTick = 100;

    private readonly CanSocketHandle _socket;
    private readonly IClock _clock;
    private readonly string _subject; // "SocketCAN interface 'can0'", built once: failures name it without allocating on success
    private long _malformed;
    private long _writeFailures;

    /// <summary>Opens a raw CAN socket on <paramref name="interfaceName"/>; throws <see cref="IOException"/> naming it when that fails.</summary>
    public SocketCanFrameSource(string interfaceName = "can0", IClock? clock = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(interfaceName);
        Name = interfaceName;
        _clock = clock ?? MonotonicClock.Instance;
        _subject = $"SocketCAN interface '{interfaceName}'";
        _socket = Open(interfaceName);
    }

    public string Name { get; }

    /// <summary>Remote (RTR) frames, error frames and reads of an unexpected size: counted, never handed out.</summary>
    public long MalformedInputs => Interlocked.Read(ref _malformed);

    /// <summary>Frames <see cref="TryWrite"/> could not queue (transmit queue full, interface down, id out of range).</summary>
    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>
    /// Waits up to <paramref name="timeoutNs"/> (real time; 0 = only what is already queued) for the next data frame.
    /// <see cref="CanReadStatus.TimedOut"/> when none came, <see cref="CanReadStatus.Cancelled"/> when the token fired
    /// (seen within <see cref="CancellationSliceNs"/>). Throws <see cref="IOException"/> naming the interface when the
    /// socket reports an error (ENETDOWN: the interface was taken down); the reader thread ends on it.
    /// </summary>
    public CanReadStatus Read(ref CanFrame frame, long timeoutNs, CancellationToken cancellationToken)
    {
        // The timeout is measured on the real monotonic clock poll(2) waits on, not on the injected clock, which only
        // stamps frames (a virtual clock in a test must not stretch or shrink a real wait).
        long startTicks = Stopwatch.GetTimestamp();
        while (!cancellationToken.IsCancellationRequested)
        {
            Received received = TryReceive(ref frame);
            if (received == Received.Frame)
            {
                return CanReadStatus.Frame;
            }

            long remainingNs = timeoutNs - (Stopwatch.GetElapsedTime(startTicks).Ticks * NsPerTimeSpanTick);
            if (remainingNs <= 0)
            {
                return CanReadStatus.TimedOut;
            }

            if (received == Received.Nothing)
            {
                WaitReadable(Math.Min(remainingNs, CancellationSliceNs));
            }
        }

        return CanReadStatus.Cancelled;
    }

    /// <summary>Queues one frame without blocking; false (counted) when the queue is full, the interface is down, or the frame is not a valid classic frame.</summary>
    public unsafe bool TryWrite(in CanFrame frame)
    {
        uint maxId = frame.IsExtended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId;
        if (frame.Id > maxId || frame.Length > CanFrame.MaxDataBytes)
        {
            Interlocked.Increment(ref _writeFailures); // the flag bits above the id would turn it into an RTR or error frame
            return false;
        }

        LibcCan.can_frame raw = default;
        raw.can_id = frame.Id | (frame.IsExtended ? LibcCan.CAN_EFF_FLAG : 0);
        raw.len = frame.Length;
        frame.Data.CopyTo(new Span<byte>(raw.data, LibcCan.CAN_MAX_DLEN));
        if (LibcUnistd.write(_socket, &raw, LibcCan.CAN_MTU) == LibcCan.CAN_MTU)
        {
            return true;
        }

        // EAGAIN/ENOBUFS: the transmit queue is full (the bus is saturated or the controller is bus-off); ENETDOWN:
        // the interface is down. Either way this frame is lost; the caller counts it too and sends the next when due.
        Interlocked.Increment(ref _writeFailures);
        return false;
    }

    /// <summary>Closes the socket (after any call in flight returns); idempotent (the same object is often both the source and the sink).</summary>
    public void Dispose() => _socket.Dispose();

    private static unsafe CanSocketHandle Open(string interfaceName)
    {
        string subject = $"SocketCAN interface '{interfaceName}' could not be opened";
        string remedy = $"is it up (ip link set {interfaceName} up), and for a virtual one is vcan loaded (modprobe vcan; ip link add dev vcan0 type vcan)?";
        CanSocketHandle socket = LibcSocket.socket(LibcSocket.PF_CAN, LibcSocket.SOCK_RAW | LibcSocket.SOCK_NONBLOCK | LibcSocket.SOCK_CLOEXEC, LibcCan.CAN_RAW);
        try
        {
            if (socket.IsInvalid)
            {
                int errno = Marshal.GetLastPInvokeError();
                Errno.Throw(errno, "socket(PF_CAN, SOCK_RAW, CAN_RAW)", subject,
                    errno == Errno.EAFNOSUPPORT ? "this kernel has no SocketCAN loaded (modprobe can_raw); and " + remedy : remedy);
            }

            uint index = LibcNetIf.if_nametoindex(interfaceName);
            if (index == 0)
            {
                // Index 0 would bind to every CAN interface at once: never bind without a real one.
                Errno.Throw(Marshal.GetLastPInvokeError(), "if_nametoindex", subject, remedy);
            }

            var address = new LibcCan.sockaddr_can { can_family = LibcSocket.AF_CAN, can_ifindex = (int)index };
            Errno.ThrowIfFailed(LibcSocket.bind(socket, &address, (uint)sizeof(LibcCan.sockaddr_can)), "bind", subject, remedy);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>One non-blocking read: a data frame into <paramref name="frame"/>, nothing queued, or a frame that is not data (counted).</summary>
    private unsafe Received TryReceive(ref CanFrame frame)
    {
        LibcCan.can_frame raw;
        nint bytes = LibcUnistd.read(_socket, &raw, LibcCan.CAN_MTU);
        if (bytes < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is Errno.EAGAIN or Errno.EINTR)
            {
                return Received.Nothing;
            }

            Errno.Throw(errno, "read", _subject);
        }

        // Error frames arrive only when CAN_RAW_ERR_FILTER asks for them (it is not set); checked anyway, like RTR frames,
        // because the decoder must only ever see data. A size other than CAN_MTU would be a CAN FD frame (not enabled).
        if (bytes != LibcCan.CAN_MTU || (raw.can_id & (LibcCan.CAN_RTR_FLAG | LibcCan.CAN_ERR_FLAG)) != 0 || raw.len > LibcCan.CAN_MAX_DLEN)
        {
            Interlocked.Increment(ref _malformed);
            return Received.Malformed;
        }

        bool extended = (raw.can_id & LibcCan.CAN_EFF_FLAG) != 0;
        frame.IsExtended = extended;
        frame.Id = raw.can_id & (extended ? LibcCan.CAN_EFF_MASK : LibcCan.CAN_SFF_MASK);
        frame.Length = raw.len;
        new ReadOnlySpan<byte>(raw.data, LibcCan.CAN_MAX_DLEN).CopyTo(frame.Buffer);
        frame.TimestampNs = _clock.NowNs;
        return Received.Frame;
    }

    /// <summary>
    /// Waits in poll(2) until the socket is readable or has an error (the next read reports it), at most
    /// <paramref name="waitNs"/> rounded up to whole milliseconds.
    /// </summary>
    private unsafe void WaitReadable(long waitNs)
    {
        int timeoutMs = (int)((waitNs + TimeUnits.NsPerMs - 1) / TimeUnits.NsPerMs);
        bool referenced = false;
        try
        {
            _socket.DangerousAddRef(ref referenced); // keeps the descriptor from being closed (and reused) while poll holds it
            if (Core.Interop.Linux.Libc.LibcPoll.WaitOne(_socket.DangerousGetFd(), Core.Interop.Linux.Libc.LibcPoll.POLLIN, timeoutMs, out int errno) < 0)
            {
                Errno.Throw(errno, "poll", _subject); // EINTR is a 0 return: the read loop waits again
            }
        }
        finally
        {
            if (referenced)
            {
                _socket.DangerousRelease();
            }
        }
    }

    private enum Received : byte
    {
        Frame,
        Nothing,
        Malformed,
    }
}
