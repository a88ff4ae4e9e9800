using System.Runtime.Versioning;
using Iot.Device.SocketCan;
using Octopilot.Core.Time;
using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>
/// A live SocketCAN interface (<c>can0</c>, <c>vcan0</c>) through <c>Iot.Device.SocketCan.CanRaw</c> (package
/// Iot.Device.Bindings 4.2.0): a raw CAN socket for both reading and writing. Kept thin on purpose, because this
/// machine has no CAN interface and cannot load vcan: nothing here runs in the tests (see the README for the vcan plan).
/// Limits of CanRaw 4.2.0 that shape it: <c>TryReadFrame</c> blocks with no timeout and no way to reach the socket's
/// fd for SO_RCVTIMEO or poll, so <see cref="Read"/> ignores its timeout (a live bus delivers frames every few ms;
/// the state's silence rule is judged by its reader, not here) and a reader blocked on a silent bus only returns
/// when a frame arrives or the socket is closed. Frames are stamped with the injected clock on return from the read.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class SocketCanFrameSource : ICanFrameSource, ICanFrameSink
{
    private readonly CanRaw _socket;
    private readonly IClock _clock;
    private long _malformed;
    private long _writeFailures;
    private int _disposed;

    /// <summary>Opens a raw CAN socket on <paramref name="interfaceName"/>; throws <see cref="IOException"/> naming it when that fails.</summary>
    public SocketCanFrameSource(string interfaceName = "can0", IClock? clock = null)
    {
        Name = interfaceName;
        _clock = clock ?? MonotonicClock.Instance;
        try
        {
            _socket = new CanRaw(interfaceName);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or PlatformNotSupportedException)
        {
            throw new IOException(
                $"SocketCAN interface '{interfaceName}' could not be opened ({e.Message}): is it up (ip link set {interfaceName} up), " +
                "and for a virtual one is vcan loaded (modprobe vcan; ip link add dev vcan0 type vcan)?", e);
        }
    }

    public string Name { get; }

    /// <summary>Error frames, remote frames and reads CanRaw reported as invalid.</summary>
    public long MalformedInputs => Interlocked.Read(ref _malformed);

    public long WriteFailures => Interlocked.Read(ref _writeFailures);

    /// <summary>Blocks until a data frame arrives (the timeout is not supported by CanRaw 4.2.0; see the class remarks).</summary>
    public CanReadStatus Read(ref CanFrame frame, long timeoutNs, CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            if (!_socket.TryReadFrame(frame.Buffer, out int length, out CanId id)
                || !id.IsValid || id.Error || id.RemoteTransmissionRequest || length is < 0 or > CanFrame.MaxDataBytes)
            {
                Interlocked.Increment(ref _malformed);
                continue;
            }

            frame.IsExtended = id.ExtendedFrameFormat;
            frame.Id = id.ExtendedFrameFormat ? id.Extended : id.Standard;
            frame.Length = (byte)length;
            frame.TimestampNs = _clock.NowNs;
            return CanReadStatus.Frame;
        }

        return CanReadStatus.Cancelled;
    }

    public bool TryWrite(in CanFrame frame)
    {
        try
        {
            CanId id = frame.IsExtended ? new CanId { Extended = frame.Id } : new CanId { Standard = frame.Id };
            _socket.WriteFrame(frame.Data, id);
            return true;
        }
        catch (IOException)
        {
            Interlocked.Increment(ref _writeFailures); // tx queue full or interface down: the caller counts it too
            return false;
        }
    }

    /// <summary>Closes the socket; idempotent (the same object is often both the source and the sink).</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _socket.Dispose();
        }
    }
}
