using Octopilot.Core.Configuration;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;

namespace Octopilot.Vehicle.Can.Steering;

/// <summary>
/// Lays out one steering-torque frame from (torque, request, counter): constants from a template built once, the three
/// fields, the checksum last. No policy here (limits, schedule and counter sequence are the
/// <see cref="LateralTorqueEncoder"/>'s), so a recorded frame can be rebuilt from its decoded fields and compared byte
/// for byte. Immutable after construction; allocation-free; any thread.
/// </summary>
public sealed class SteeringTorqueFrameWriter
{
    private readonly IFrameChecksum? _checksum;
    private readonly SignalCodec _torque;
    private readonly SignalCodec _request;
    private readonly SignalCodec _counter;
    private readonly SignalCodec _checksumField;
    private readonly bool _hasCounter;
    private readonly bool _hasChecksum;
    private readonly CanPayload _template;

    /// <summary>Resolves <paramref name="spec"/> against <paramref name="dbc"/>; throws <see cref="ConfigException"/> naming the bad field.</summary>
    public SteeringTorqueFrameWriter(DbcFile dbc, SteeringTorqueFrameSpec spec, IFrameChecksum? checksum)
    {
        _checksum = checksum;
        Message = dbc.TryGetMessage(spec.Message, out DbcMessage message)
            ? message
            : throw new ConfigException(dbc.SourceName, nameof(spec.Message), "must name a message of the DBC", spec.Message);
        _torque = Resolve(dbc, nameof(spec.TorqueSignal), spec.TorqueSignal);
        _request = Resolve(dbc, nameof(spec.RequestSignal), spec.RequestSignal);
        if (_request.MaxRaw < 1)
        {
            throw new ConfigException(dbc.SourceName, nameof(spec.RequestSignal), "the request signal must hold the value 1", _request.Signal.ToString(), _request.Signal.LineNumber);
        }

        foreach ((string name, long raw) in spec.ConstantRawValues)
        {
            SignalCodec constant = Resolve(dbc, nameof(spec.ConstantRawValues), name);
            if (!constant.TryEncodeRaw(_template, raw))
            {
                throw new ConfigException(dbc.SourceName, nameof(spec.ConstantRawValues),
                    $"raw value must fit the signal's bits ({constant.MinRaw}..{constant.MaxRaw})", $"{name} = {raw}", constant.Signal.LineNumber);
            }
        }

        if (spec.CounterSignal is { } counterName)
        {
            _counter = Resolve(dbc, nameof(spec.CounterSignal), counterName);
            _hasCounter = true;
        }

        if (spec.ChecksumSignal is { } checksumName)
        {
            _checksumField = Resolve(dbc, nameof(spec.ChecksumSignal), checksumName);
            if (checksum is null)
            {
                throw new ConfigException(dbc.SourceName, nameof(spec.ChecksumSignal), "a checksum signal needs a checksum algorithm", checksumName);
            }

            checksum.CheckPlacement(Message, _checksumField.Signal);
            _hasChecksum = true;
        }
    }

    public DbcMessage Message { get; }

    /// <summary>Raw torque range the field can carry (two's complement when signed).</summary>
    public (long Min, long Max) TorqueRawRange => (_torque.MinRaw, _torque.MaxRaw);

    /// <summary>Counter values run 0..<see cref="CounterModulo"/> − 1 (1 when the message has no counter).</summary>
    public long CounterModulo => _hasCounter ? _counter.MaxRaw + 1 : 1;

    /// <summary>
    /// Fills <paramref name="frame"/>. <paramref name="torqueRaw"/> must fit the field (see <see cref="TorqueRawRange"/>;
    /// the encoder's limits guarantee it); <paramref name="counter"/> is taken modulo <see cref="CounterModulo"/>.
    /// </summary>
    public void Write(ref CanFrame frame, long torqueRaw, bool request, long counter, long timestampNs)
    {
        frame.Id = Message.Id;
        frame.IsExtended = Message.IsExtended;
        frame.Length = (byte)Message.SizeBytes;
        frame.TimestampNs = timestampNs;
        frame.Payload = _template;
        Span<byte> data = frame.Buffer[..Message.SizeBytes];
        if (!_torque.TryEncodeRaw(data, torqueRaw))
        {
            ThrowTorqueOutOfRange(torqueRaw);
        }

        _request.TryEncodeRaw(data, request ? 1 : 0);
        if (_hasCounter)
        {
            long value = counter % CounterModulo;
            _counter.TryEncodeRaw(data, value < 0 ? value + CounterModulo : value);
        }

        if (_hasChecksum)
        {
            _checksumField.TryEncodeRaw(data, _checksum!.Compute(Message.Id, data));
        }
    }

    private void ThrowTorqueOutOfRange(long torqueRaw) =>
        throw new ArgumentOutOfRangeException(nameof(torqueRaw), torqueRaw, $"{Message.Name}.{_torque.Signal.Name} holds {_torque.MinRaw}..{_torque.MaxRaw}");

    private SignalCodec Resolve(DbcFile dbc, string field, string signalName)
    {
        if (!Message.TryGetSignal(signalName, out DbcSignal signal))
        {
            throw new ConfigException(dbc.SourceName, field, $"must name a signal of {Message.Name}", signalName);
        }

        try
        {
            return SignalCodec.Create(Message, signal);
        }
        catch (NotSupportedException e)
        {
            throw new ConfigException(dbc.SourceName, field, e.Message, signalName, signal.LineNumber);
        }
    }
}
