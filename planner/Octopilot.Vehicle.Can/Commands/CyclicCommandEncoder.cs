using Octopilot.Core.Configuration;
using Octopilot.Planner.Outputs;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;

namespace Octopilot.Vehicle.Can.Commands;

/// <summary>
/// Turns the planner's command into the car's command frame at most once per <see cref="CommandFrameSpec.PeriodNs"/>:
/// constants from a template built once, the acceleration clamped to the car's limits, the rolling counter advanced,
/// the checksum filled last. The schedule is slaved to the caller's ticks: no tick, no frame, so a stalled planner
/// lets the car's own command timeout drop the assistance. Single thread (the planner tick); allocation-free.
/// </summary>
public sealed class CyclicCommandEncoder
{
    /// <summary>A tick this much before the due time still sends, ns: a 100 Hz tick grid and a 30 ms period meet within rounding.</summary>
    public const long DueToleranceNs = 1_000_000;

    private readonly CommandFrameSpec _spec;
    private readonly IFrameChecksum? _checksum;
    private readonly DbcMessage _message;
    private readonly SignalCodec _accel;
    private readonly SignalCodec _counter;
    private readonly SignalCodec _checksumField;
    private readonly bool _hasCounter;
    private readonly bool _hasChecksum;
    private CanPayload _template;
    private long _counterValue;
    private long _nextDueNs = long.MinValue;

    /// <summary>Resolves the spec against the DBC; throws <see cref="ConfigException"/> naming a missing or unusable signal.</summary>
    public CyclicCommandEncoder(DbcFile dbc, CommandFrameSpec spec, IFrameChecksum? checksum)
    {
        _spec = spec;
        _checksum = checksum;
        _message = dbc.TryGetMessage(spec.Message, out DbcMessage message)
            ? message
            : throw new ConfigException(dbc.SourceName, nameof(spec.Message), "must name a message of the DBC", spec.Message);
        _accel = Resolve(dbc, nameof(spec.AccelSignal), spec.AccelSignal);
        if (_accel.Signal.Unit is not ("m/s^2" or "m/s²" or "m/s2"))
        {
            throw new ConfigException(dbc.SourceName, nameof(spec.AccelSignal), "the acceleration signal's DBC unit must be m/s^2",
                $"{spec.Message}.{spec.AccelSignal} has \"{_accel.Signal.Unit}\"", _accel.Signal.LineNumber);
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

            checksum.CheckPlacement(_message, _checksumField.Signal);
            _hasChecksum = true;
        }
    }

    public DbcMessage Message => _message;

    public long FramesEncoded { get; private set; }

    /// <summary>Commands outside the car's limits (or non-finite), sent clamped (or as 0).</summary>
    public long AccelClamped { get; private set; }

    /// <summary>
    /// Fills <paramref name="frame"/> with the command frame when one is due at <paramref name="nowNs"/>; false (frame
    /// untouched) otherwise. A non-finite command is sent as 0 m/s² and counted as clamped.
    /// </summary>
    public bool TryEncode(in PlannerOutput command, long nowNs, ref CanFrame frame)
    {
        if (_nextDueNs != long.MinValue && nowNs < _nextDueNs - DueToleranceNs)
        {
            return false;
        }

        // Keep the grid when on time; after a stall, restart it from now rather than sending a burst.
        _nextDueNs = _nextDueNs == long.MinValue || nowNs - _nextDueNs >= _spec.PeriodNs ? nowNs + _spec.PeriodNs : _nextDueNs + _spec.PeriodNs;

        double accelMps2 = command.TargetAccelMps2;
        if (!double.IsFinite(accelMps2))
        {
            accelMps2 = 0;
            AccelClamped++;
        }
        else if (accelMps2 < _spec.MinAccelMps2 || accelMps2 > _spec.MaxAccelMps2)
        {
            accelMps2 = Math.Clamp(accelMps2, _spec.MinAccelMps2, _spec.MaxAccelMps2);
            AccelClamped++;
        }

        frame.Id = _message.Id;
        frame.IsExtended = _message.IsExtended;
        frame.Length = (byte)_message.SizeBytes;
        frame.TimestampNs = nowNs;
        frame.Payload = _template;
        Span<byte> data = frame.Buffer[.._message.SizeBytes];
        _accel.Encode(data, accelMps2);
        if (_hasCounter)
        {
            _counter.TryEncodeRaw(data, _counterValue);
            _counterValue = _counterValue == _counter.MaxRaw ? 0 : _counterValue + 1;
        }

        if (_hasChecksum)
        {
            _checksumField.TryEncodeRaw(data, _checksum!.Compute(_message.Id, data));
        }

        FramesEncoded++;
        return true;
    }

    private SignalCodec Resolve(DbcFile dbc, string field, string signalName)
    {
        if (!_message.TryGetSignal(signalName, out DbcSignal signal))
        {
            throw new ConfigException(dbc.SourceName, field, $"must name a signal of {_message.Name}", signalName);
        }

        try
        {
            return SignalCodec.Create(_message, signal);
        }
        catch (NotSupportedException e)
        {
            throw new ConfigException(dbc.SourceName, field, e.Message, signalName, signal.LineNumber);
        }
    }
}
