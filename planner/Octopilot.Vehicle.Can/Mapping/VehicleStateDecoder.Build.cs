using Octopilot.Core.Configuration;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;

namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>Building the decoder: every name of the map resolved against the DBC once, with errors that say which.</summary>
public sealed partial class VehicleStateDecoder
{
    /// <summary>
    /// Resolves <paramref name="map"/> against <paramref name="dbc"/>. <paramref name="checksum"/> is required when the
    /// map names a checksum signal. Throws <see cref="ConfigException"/> (field = the map property) for a name the DBC
    /// lacks, an unknown speed unit, a multiplexed signal, or a checksum field the algorithm cannot use.
    /// </summary>
    public VehicleStateDecoder(DbcFile dbc, VehicleSignalMap map, IFrameChecksum? checksum = null,
        double accelFilterTimeConstantS = DefaultAccelFilterTimeConstantS)
    {
        if (!(accelFilterTimeConstantS > 0) || !double.IsFinite(accelFilterTimeConstantS))
        {
            throw new ArgumentOutOfRangeException(nameof(accelFilterTimeConstantS), accelFilterTimeConstantS, "the acceleration filter time constant must be finite and > 0 s");
        }

        _checksum = checksum;
        _speedSource = map.SpeedSource;
        _accelTimeConstantS = accelFilterTimeConstantS;
        _geometry = map.SteeringGeometry;
        _slots = dbc.Messages.Select(m => new MessageSlot(m)).ToArray();
        _standardSlots = new int[CanFrame.MaxStandardId + 1];
        Array.Fill(_standardSlots, -1);
        _extendedSlots = [];
        for (int i = 0; i < _slots.Length; i++)
        {
            DbcMessage message = _slots[i].Message;
            if (message.IsExtended)
            {
                _extendedSlots[message.Id] = i;
            }
            else
            {
                _standardSlots[message.Id] = i;
            }
        }

        var bindings = new Dictionary<MessageSlot, List<Binding>>();
        var resolver = new Resolver(dbc, this, bindings);
        BindSpeeds(map, resolver);
        resolver.Bind(nameof(map.TurnSignal), map.TurnSignal, VehicleField.TurnSignal, rawA: map.TurnSignalLeftRaw, rawB: map.TurnSignalRightRaw);
        resolver.Bind(nameof(map.CruiseSetSpeed), map.CruiseSetSpeed, VehicleField.CruiseSetSpeed, speedUnit: true);
        resolver.Bind(nameof(map.CruiseEngaged), map.CruiseEngaged, VehicleField.CruiseEngaged);
        resolver.Bind(nameof(map.CruiseMainOn), map.CruiseMainOn, VehicleField.CruiseMainOn);
        resolver.Bind(nameof(map.BrakePressed), map.BrakePressed, VehicleField.BrakePressed);
        resolver.Bind(nameof(map.GasPressed), map.GasPressed, VehicleField.GasPressed, inverted: map.GasPressedWhenZero);
        resolver.Bind(nameof(map.FollowDistance), map.FollowDistance, VehicleField.FollowDistance,
            rawA: map.FollowDistanceShortRaw, rawB: map.FollowDistanceMediumRaw, rawC: map.FollowDistanceLongRaw);
        BindSteering(map, resolver);

        foreach ((MessageSlot slot, List<Binding> list) in bindings)
        {
            slot.Bindings = [.. list];
            slot.AffectsYawRate = list.Any(b => b.Field is VehicleField.Speed or VehicleField.WheelFrontLeft
                or VehicleField.SteeringWheelAngle or VehicleField.SteeringWheelAngleFraction);
        }

        AssignAgeLimits(dbc, map, bindings);
        AssignChecksums(dbc, map, checksum, bindings);
    }

    private static void BindSpeeds(VehicleSignalMap map, Resolver resolver)
    {
        if (map.SpeedSource == SpeedSource.Signal)
        {
            if (map.Speed is null)
            {
                throw new ConfigException(resolver.SourceName, nameof(map.Speed), "SpeedSource.Signal needs a speed signal");
            }

            resolver.Bind(nameof(map.Speed), map.Speed, VehicleField.Speed, speedUnit: true);
        }
        else
        {
            SignalRef?[] wheels = [map.WheelSpeedFrontLeft, map.WheelSpeedFrontRight, map.WheelSpeedRearLeft, map.WheelSpeedRearRight];
            if (wheels.Any(w => w is null) || wheels.Select(w => w!.Message).Distinct(StringComparer.Ordinal).Count() != 1)
            {
                throw new ConfigException(resolver.SourceName, nameof(map.SpeedSource),
                    "SpeedSource.WheelSpeedMean needs all four wheel-speed signals, in one message (so each mean comes from one frame)",
                    string.Join(", ", wheels.Select(w => w?.ToString() ?? "null")));
            }
        }

        resolver.Bind(nameof(map.WheelSpeedFrontLeft), map.WheelSpeedFrontLeft, VehicleField.WheelFrontLeft, speedUnit: true);
        resolver.Bind(nameof(map.WheelSpeedFrontRight), map.WheelSpeedFrontRight, VehicleField.WheelFrontRight, speedUnit: true);
        resolver.Bind(nameof(map.WheelSpeedRearLeft), map.WheelSpeedRearLeft, VehicleField.WheelRearLeft, speedUnit: true);
        resolver.Bind(nameof(map.WheelSpeedRearRight), map.WheelSpeedRearRight, VehicleField.WheelRearRight, speedUnit: true);
        resolver.Bind(nameof(map.DisplaySpeed), map.DisplaySpeed, VehicleField.DisplaySpeed, speedUnit: true);
        if (map.WheelSpeedFrontLeft is { } wheel)
        {
            resolver.Slot(wheel.Message).CarriesWheelSpeeds = true;
        }
    }

    private static void BindSteering(VehicleSignalMap map, Resolver resolver)
    {
        if (map.SteeringWheelAngle is { } angle && map.SteeringGeometry is null)
        {
            throw new ConfigException(resolver.SourceName, nameof(map.SteeringGeometry),
                "the yaw rate is derived from the steering-wheel angle, which needs the wheelbase and steer ratio", angle.ToString());
        }

        if (map.SteeringWheelAngleFraction is { } fraction && map.SteeringWheelAngle?.Message != fraction.Message)
        {
            throw new ConfigException(resolver.SourceName, nameof(map.SteeringWheelAngleFraction),
                "the fraction is added to SteeringWheelAngle, so both must be mapped and in one message (one frame, one reading)",
                $"{fraction} with {map.SteeringWheelAngle?.ToString() ?? "no SteeringWheelAngle"}");
        }

        resolver.Bind(nameof(map.SteeringWheelAngle), map.SteeringWheelAngle, VehicleField.SteeringWheelAngle, angleUnit: true);
        resolver.Bind(nameof(map.SteeringWheelAngleFraction), map.SteeringWheelAngleFraction, VehicleField.SteeringWheelAngleFraction, angleUnit: true);
        resolver.Bind(nameof(map.DriverSteeringTorque), map.DriverSteeringTorque, VehicleField.DriverSteeringTorque, threshold: map.SteeringPressedThreshold);
        resolver.Bind(nameof(map.EpsMotorTorque), map.EpsMotorTorque, VehicleField.EpsMotorTorque);
    }

    private void AssignAgeLimits(DbcFile dbc, VehicleSignalMap map, Dictionary<MessageSlot, List<Binding>> bindings)
    {
        foreach (string name in map.MessagesWithoutAgeLimit)
        {
            if (!bindings.Keys.Any(s => s.Message.Name == name))
            {
                throw new ConfigException(dbc.SourceName, nameof(map.MessagesWithoutAgeLimit),
                    "every message listed without an age limit must be one the map uses", name);
            }
        }

        string speedMessage = (map.SpeedSource == SpeedSource.Signal ? map.Speed : map.WheelSpeedFrontLeft)!.Message;
        if (map.MessagesWithoutAgeLimit.Contains(speedMessage, StringComparer.Ordinal))
        {
            throw new ConfigException(dbc.SourceName, nameof(map.MessagesWithoutAgeLimit),
                "the speed message must stay age-limited: a frozen speed is exactly what the silence rule exists to catch", speedMessage);
        }

        foreach (MessageSlot slot in bindings.Keys)
        {
            _state.MissingMessages++;
            if (map.MessagesWithoutAgeLimit.Contains(slot.Message.Name, StringComparer.Ordinal))
            {
                continue;
            }

            if (_state.RequiredCount == DecodedVehicle.MaxRequiredMessages)
            {
                throw new ConfigException(dbc.SourceName, nameof(VehicleSignalMap),
                    $"at most {DecodedVehicle.MaxRequiredMessages} age-limited messages may be mapped", slot.Message.Name);
            }

            slot.RequiredIndex = _state.RequiredCount++;
            _state.RequiredSeenNs[slot.RequiredIndex] = long.MinValue;
        }

        _state.NewestNs = long.MinValue;
    }

    private static void AssignChecksums(DbcFile dbc, VehicleSignalMap map, IFrameChecksum? checksum, Dictionary<MessageSlot, List<Binding>> bindings)
    {
        if (map.ChecksumSignal is not { } checksumName)
        {
            return;
        }

        foreach (MessageSlot slot in bindings.Keys)
        {
            if (!slot.Message.TryGetSignal(checksumName, out DbcSignal signal))
            {
                continue;
            }

            if (checksum is null)
            {
                throw new ConfigException(dbc.SourceName, nameof(map.ChecksumSignal),
                    "a checksum signal is named, so a checksum algorithm (IFrameChecksum) must be given", $"{slot.Message.Name}.{checksumName}");
            }

            checksum.CheckPlacement(slot.Message, signal);
            slot.ChecksumCodec = SignalCodec.Create(slot.Message, signal);
            slot.VerifiesChecksum = true;
        }
    }

    /// <summary>Turns one map entry into a binding on its message's slot, or a <see cref="ConfigException"/> naming it.</summary>
    private sealed class Resolver(DbcFile dbc, VehicleStateDecoder decoder, Dictionary<MessageSlot, List<Binding>> bindings)
    {
        public string SourceName => dbc.SourceName;

        public MessageSlot Slot(string messageName) =>
            decoder._slots.First(s => s.Message.Name == messageName);

        public void Bind(string field, SignalRef? reference, VehicleField target, bool speedUnit = false, bool angleUnit = false,
            long rawA = 0, long rawB = 0, long rawC = 0, bool inverted = false, double threshold = 0)
        {
            if (reference is null)
            {
                return;
            }

            if (!dbc.TryGetMessage(reference.Message, out DbcMessage message) || !message.TryGetSignal(reference.Signal, out DbcSignal signal))
            {
                throw new ConfigException(dbc.SourceName, field, "must name a message and one of its signals in the DBC", reference.ToString());
            }

            if (signal.Multiplexing == DbcMultiplexing.Multiplexed)
            {
                throw new ConfigException(dbc.SourceName, field, "multiplexed signals cannot be mapped (not supported yet)", reference.ToString(), signal.LineNumber);
            }

            double scale = 1;
            if (speedUnit && !SpeedUnits.TryToMpsFactor(signal.Unit, out scale))
            {
                throw new ConfigException(dbc.SourceName, field, "a speed signal's DBC unit must be km/h, m/s or mph",
                    $"{reference} has unit \"{signal.Unit}\"", signal.LineNumber);
            }

            if (angleUnit && !AngleUnits.TryToDegFactor(signal.Unit, out scale))
            {
                throw new ConfigException(dbc.SourceName, field, "an angle signal's DBC unit must be deg or rad",
                    $"{reference} has unit \"{signal.Unit}\"", signal.LineNumber);
            }

            SignalCodec codec;
            try
            {
                codec = SignalCodec.Create(message, signal);
            }
            catch (NotSupportedException e)
            {
                throw new ConfigException(dbc.SourceName, field, e.Message, reference.ToString(), signal.LineNumber);
            }

            MessageSlot slot = Slot(message.Name);
            if (!bindings.TryGetValue(slot, out List<Binding>? list))
            {
                bindings[slot] = list = [];
            }

            list.Add(new Binding(codec, target, scale, rawA, rawB, rawC, inverted, threshold));
        }
    }
}
