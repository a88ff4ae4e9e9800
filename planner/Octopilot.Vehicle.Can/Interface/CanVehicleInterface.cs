using Octopilot.Core.Configuration;
using Octopilot.Core.Threading;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Commands;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Mapping;
using Octopilot.Vehicle.Can.Sources;
using Octopilot.Vehicle.Can.Steering;

namespace Octopilot.Vehicle.Can.Interface;

/// <summary>
/// The vehicle over CAN. One dedicated reader thread (<see cref="CanVehicleOptions.ReaderThreadName"/>) reads frames
/// from an <see cref="ICanFrameSource"/>, folds them into the state with a <see cref="VehicleStateDecoder"/> and
/// publishes it through a seqlock mailbox; <see cref="TryReadState"/> copies it and judges silence at the caller's
/// time, so a bus that goes quiet (or a reader blocked on it) makes the state invalid without any help from the
/// reader. <see cref="Send"/> encodes the command frames when due (the longitudinal one and, when configured, the
/// steering-torque one, which reads the newest decoded steering state) and writes them to the <see cref="ICanFrameSink"/>.
/// Owns the source and the sink (disposed with it). Thread rules as <see cref="IVehicleInterface"/>.
/// </summary>
public sealed class CanVehicleInterface : IVehicleInterface
{
    private readonly ICanFrameSource _source;
    private readonly ICanFrameSink? _sink;
    private readonly CanVehicleOptions _options;
    private readonly VehicleStateDecoder _decoder;
    private readonly CyclicCommandEncoder? _encoder;
    private readonly LateralTorqueEncoder? _lateral;
    private readonly LatestValueMailbox<DecodedVehicle> _published = new();
    private readonly ManualResetEventSlim _readerExited = new(false);
    private CancellationTokenSource? _stop;
    private Thread? _reader;
    private volatile bool _sourceEnded;
    private volatile string? _readerError;
    private readonly StateReadTracker _reads = new();
    private CanFrame _commandFrame; // consumer thread only
    private CanFrame _lateralFrame; // consumer thread only
    private long _stateUpdates;
    private long _commandsReceived;
    private long _commandFramesWritten;
    private long _commandsFailed;
    private long _lateralFramesWritten;
    private long _lateralFramesFailed;
    private long _readerFailures;

    /// <summary>
    /// Builds decoder and encoder from <paramref name="options"/> (throws <see cref="Core.Configuration.ConfigException"/>
    /// for a mapping the DBC cannot satisfy). <paramref name="sink"/> null = listen only.
    /// </summary>
    public CanVehicleInterface(ICanFrameSource source, ICanFrameSink? sink, CanVehicleOptions options)
    {
        _source = source;
        _sink = sink;
        _options = options;
        _decoder = new VehicleStateDecoder(options.Dbc, options.Map, options.Checksum, options.AccelFilterTimeConstantS);
        _encoder = options.Command is { } command ? new CyclicCommandEncoder(options.Dbc, command, options.Checksum) : null;
        if (options.LateralCommand is { } lateral)
        {
            RequireSteeringSensors(options);
            _lateral = new LateralTorqueEncoder(options.Dbc, lateral, options.Checksum);
        }
    }

    public string Name => "can:" + _source.Name;

    /// <summary>The source said it has no more frames (a replayed log ended); the state now ages into silence.</summary>
    public bool SourceEnded => _sourceEnded;

    /// <summary>Why the reader thread stopped early (a source exception), or null.</summary>
    public string? ReaderError => _readerError;

    /// <summary>Frames decoded per mapped message name (allocates).</summary>
    public IReadOnlyDictionary<string, long> DecodedByMessage() => _decoder.DecodedByMessage();

    public void Start()
    {
        if (_reader is not null)
        {
            throw new InvalidOperationException($"{Name}: already started (a vehicle interface starts once)");
        }

        _stop = new CancellationTokenSource();
        _reader = new Thread(ReadLoop) { Name = _options.ReaderThreadName, IsBackground = true };
        _reader.Start(_stop.Token);
    }

    /// <summary>
    /// Asks the reader to stop and waits up to <see cref="CanVehicleOptions.StopTimeout"/>. Both sources notice the
    /// request within a bounded wait (SocketCAN: <see cref="SocketCanFrameSource.CancellationSliceNs"/>); a reader
    /// blocked in a source that cannot (a custom one) is left behind as a background thread, and disposing the
    /// interface closes its source.
    /// </summary>
    public void Stop()
    {
        _stop?.Cancel();
        _reader?.Join(_options.StopTimeout);
    }

    public void Dispose()
    {
        Stop();
        _source.Dispose();
        if (_sink is IDisposable disposableSink && !ReferenceEquals(_sink, _source))
        {
            disposableSink.Dispose();
        }

        _stop?.Dispose();
        _readerExited.Dispose();
    }

    /// <summary>Waits for the reader thread to end (the source ended, failed, or Stop); true when it has.</summary>
    public bool WaitForReaderExit(TimeSpan timeout) => _readerExited.Wait(timeout);

    public bool TryReadState(long nowNs, out VehicleStateSample sample)
    {
        if (_published.TryRead(out DecodedVehicle decoded, out int version))
        {
            sample = decoded.Judge(nowNs, _options.SilenceBoundNs);
        }
        else if (version < 0)
        {
            sample = _reads.Last with { Validity = VehicleStateValidity.ReadContended };
        }
        else
        {
            sample = new VehicleStateSample { Validity = VehicleStateValidity.NeverReceived, UpdatedNs = long.MinValue };
        }

        return _reads.Record(sample);
    }

    public void Send(in PlannerOutput command, long nowNs)
    {
        Interlocked.Increment(ref _commandsReceived);
        if (_sink is null || (_encoder is null && _lateral is null))
        {
            Interlocked.Increment(ref _commandsFailed); // listen-only: nothing may reach the car
            return;
        }

        // Each encoder sends only when its frame is due (ACC_CONTROL every 30 ms, STEERING_LKA every 10 ms on Toyota).
        if (_encoder is not null && _encoder.TryEncode(command, nowNs, ref _commandFrame))
        {
            Write(_sink, _commandFrame, ref _commandFramesWritten, ref _commandsFailed);
        }

        if (_lateral is not null && _lateral.TryEncode(command, ReadSteering(nowNs), nowNs, ref _lateralFrame))
        {
            Write(_sink, _lateralFrame, ref _lateralFramesWritten, ref _lateralFramesFailed);
        }
    }

    private static void Write(ICanFrameSink sink, in CanFrame frame, ref long written, ref long failed)
    {
        if (sink.TryWrite(frame))
        {
            Interlocked.Increment(ref written);
        }
        else
        {
            Interlocked.Increment(ref failed);
        }
    }

    public VehicleInterfaceCounters ReadCounters() => new()
    {
        StateUpdates = Interlocked.Read(ref _stateUpdates),
        BecameInvalid = _reads.BecameInvalid,
        InvalidReads = _reads.InvalidReads,
        CommandsReceived = Interlocked.Read(ref _commandsReceived),
        CommandsDelivered = Interlocked.Read(ref _commandFramesWritten) + Interlocked.Read(ref _lateralFramesWritten),
        CommandsFailed = Interlocked.Read(ref _commandsFailed) + Interlocked.Read(ref _lateralFramesFailed),
    };

    public CanCounters ReadCanCounters() => new()
    {
        Received = _decoder.ReadCounters(),
        SourceMalformed = _source.MalformedInputs,
        ReaderFailures = Interlocked.Read(ref _readerFailures),
        CommandFramesWritten = Interlocked.Read(ref _commandFramesWritten),
        CommandFramesFailed = Interlocked.Read(ref _commandsFailed),
        CommandsClamped = _encoder?.AccelClamped ?? 0,
        LateralFramesWritten = Interlocked.Read(ref _lateralFramesWritten),
        LateralFramesFailed = Interlocked.Read(ref _lateralFramesFailed),
        LateralRequestFrames = _lateral?.RequestFrames ?? 0,
        LateralTorqueLimited = _lateral?.LimitedFrames ?? 0,
        LateralWindDownFrames = _lateral?.WindDownFrames ?? 0,
        LateralReleasedByCar = _lateral?.ReleasedByCar ?? 0,
        LateralSteeringPressedFrames = _lateral?.SteeringPressedFrames ?? 0,
    };

    /// <summary>A lateral command needs the steering angle (with its geometry) and the motor torque it is limited against.</summary>
    private static void RequireSteeringSensors(CanVehicleOptions options)
    {
        VehicleSignalMap map = options.Map;
        if (map.SteeringWheelAngle is null || map.SteeringGeometry is null || map.EpsMotorTorque is null)
        {
            throw new ConfigException(options.Dbc.SourceName, nameof(options.LateralCommand),
                "a steering-torque command needs the map's SteeringWheelAngle, SteeringGeometry and EpsMotorTorque (measured lateral acceleration and the motor limit)",
                $"SteeringWheelAngle {map.SteeringWheelAngle?.ToString() ?? "null"}, SteeringGeometry {(map.SteeringGeometry is null ? "null" : "set")}, EpsMotorTorque {map.EpsMotorTorque?.ToString() ?? "null"}");
        }
    }

    /// <summary>The newest decoded steering state judged at <paramref name="nowNs"/>; invalid (all zero) when none could be read.</summary>
    private SteeringFeedback ReadSteering(long nowNs) =>
        _published.TryRead(out DecodedVehicle decoded, out _) ? decoded.Steering(nowNs, _options.SilenceBoundNs) : default;

    private void ReadLoop(object? state)
    {
        var cancellationToken = (CancellationToken)state!;
        CanFrame frame = default;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                CanReadStatus status = _source.Read(ref frame, _options.ReadTimeoutNs, cancellationToken);
                if (status == CanReadStatus.Frame)
                {
                    if (_decoder.Accept(frame) == FrameVerdict.Decoded)
                    {
                        _published.Publish(_decoder.Current);
                        Interlocked.Increment(ref _stateUpdates);
                    }
                }
                else if (status == CanReadStatus.EndOfStream)
                {
                    _sourceEnded = true;
                    return;
                }
                else if (status == CanReadStatus.Cancelled)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            // The boundary of the reader thread: count and keep the reason; the state ages into silence and the
            // planner falls back. Restarting a broken source is the service's decision, not this thread's.
            Interlocked.Increment(ref _readerFailures);
            _readerError = $"{Name}: reader stopped: {e.GetType().Name}: {e.Message}";
        }
        finally
        {
            try
            {
                _readerExited.Set();
            }
            catch (ObjectDisposedException)
            {
                // Disposed while this reader was left behind blocked in a source that cannot time out: nobody waits.
            }
        }
    }
}
