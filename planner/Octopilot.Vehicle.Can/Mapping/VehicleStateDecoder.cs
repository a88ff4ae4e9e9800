using Octopilot.Planner.Inputs;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;

namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>
/// Folds received CAN frames into one vehicle state, as the DBC and a <see cref="VehicleSignalMap"/> say: length
/// checked against the DBC for every known id, checksum verified on mapped messages, unknown ids ignored; each
/// outcome counted. Everything is resolved when built (throws <see cref="Core.Configuration.ConfigException"/> naming
/// the bad mapping), so <see cref="Accept"/> allocates nothing. Single writer: one thread calls <see cref="Accept"/>;
/// counters may be read from any thread.
/// </summary>
public sealed partial class VehicleStateDecoder
{
    /// <summary>
    /// Filter time constant of the speed derivative that stands in for measured acceleration, s. One 0.01 km/h wheel-speed
    /// step between two 83 Hz frames is 0.23 m/s² of raw derivative; 0.2 s (17 frames) smooths that while still following
    /// a brake application within a few tenths of a second.
    /// </summary>
    public const double DefaultAccelFilterTimeConstantS = 0.2;

    /// <summary>A speed gap longer than this restarts the acceleration filter at 0 (a derivative across a gap means nothing), ns.</summary>
    public const long AccelRestartGapNs = 500_000_000;

    private readonly MessageSlot[] _slots;
    private readonly int[] _standardSlots; // 11-bit id → slot index, −1 for ids the DBC lacks
    private readonly Dictionary<uint, int> _extendedSlots;
    private readonly IFrameChecksum? _checksum;
    private readonly SpeedSource _speedSource;
    private readonly double _accelTimeConstantS;
    private readonly SteeringGeometry? _geometry;
    private DecodedVehicle _state;
    private long _lastSpeedNs = long.MinValue;
    private long _frames;
    private long _decoded;
    private long _unused;
    private long _unknownIds;
    private long _badLength;
    private long _badChecksum;

    /// <summary>The newest decoded values and message times. Valid until the next <see cref="Accept"/>; writer thread only.</summary>
    internal ref readonly DecodedVehicle Current => ref _state;

    /// <summary>The state judged at <paramref name="nowNs"/> against <paramref name="silenceBoundNs"/>. Writer thread only.</summary>
    public VehicleStateSample Sample(long nowNs, long silenceBoundNs) => _state.Judge(nowNs, silenceBoundNs);

    /// <summary>The steering sensors and what the lateral command needs, judged at <paramref name="nowNs"/>. Writer thread only.</summary>
    public Steering.SteeringFeedback SteeringFeedback(long nowNs, long silenceBoundNs) => _state.Steering(nowNs, silenceBoundNs);

    public FrameVerdict Accept(in CanFrame frame)
    {
        Interlocked.Increment(ref _frames);
        int slotIndex = frame.IsExtended
            ? (_extendedSlots.TryGetValue(frame.Id, out int extended) ? extended : -1)
            : (frame.Id <= CanFrame.MaxStandardId ? _standardSlots[frame.Id] : -1);
        if (slotIndex < 0)
        {
            Interlocked.Increment(ref _unknownIds);
            return FrameVerdict.UnknownId;
        }

        MessageSlot slot = _slots[slotIndex];
        if (frame.Length != slot.SizeBytes)
        {
            Interlocked.Increment(ref _badLength);
            return FrameVerdict.BadLength;
        }

        if (slot.Bindings.Length == 0)
        {
            Interlocked.Increment(ref _unused);
            return FrameVerdict.Unused;
        }

        ReadOnlySpan<byte> data = frame.Data;
        if (slot.VerifiesChecksum && slot.ChecksumCodec.DecodeRaw(data) != _checksum!.Compute(frame.Id, data))
        {
            Interlocked.Increment(ref _badChecksum);
            return FrameVerdict.BadChecksum;
        }

        foreach (Binding binding in slot.Bindings)
        {
            Apply(binding, data, frame.TimestampNs);
        }

        if (slot.CarriesWheelSpeeds && _speedSource == SpeedSource.WheelSpeedMean)
        {
            double meanMps = 0.25 * (_state.WheelFrontLeftMps + _state.WheelFrontRightMps + _state.WheelRearLeftMps + _state.WheelRearRightMps);
            UpdateSpeed(meanMps, frame.TimestampNs);
        }

        if (slot.AffectsYawRate && _geometry is not null)
        {
            _state.YawRateRadps = _geometry.YawRateRadps(_state.SpeedMps, _state.SteeringWheelAngleDeg);
        }

        MarkSeen(slot, frame.TimestampNs);
        Interlocked.Increment(ref slot.Decoded);
        Interlocked.Increment(ref _decoded);
        return FrameVerdict.Decoded;
    }

    public DecoderCounters ReadCounters() => new()
    {
        Frames = Interlocked.Read(ref _frames),
        Decoded = Interlocked.Read(ref _decoded),
        Unused = Interlocked.Read(ref _unused),
        UnknownIds = Interlocked.Read(ref _unknownIds),
        BadLength = Interlocked.Read(ref _badLength),
        BadChecksum = Interlocked.Read(ref _badChecksum),
    };

    /// <summary>Frames decoded per mapped message, by message name (allocates; for reports and tests).</summary>
    public IReadOnlyDictionary<string, long> DecodedByMessage() =>
        _slots.Where(s => s.Bindings.Length > 0).ToDictionary(s => s.Message.Name, s => Interlocked.Read(ref s.Decoded), StringComparer.Ordinal);

    private void Apply(in Binding binding, ReadOnlySpan<byte> data, long timestampNs)
    {
        switch (binding.Field)
        {
            case VehicleField.Speed:
                UpdateSpeed(binding.Codec.Decode(data) * binding.Scale, timestampNs);
                break;
            case VehicleField.WheelFrontLeft:
                _state.WheelFrontLeftMps = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.WheelFrontRight:
                _state.WheelFrontRightMps = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.WheelRearLeft:
                _state.WheelRearLeftMps = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.WheelRearRight:
                _state.WheelRearRightMps = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.DisplaySpeed:
                _state.DisplaySpeedMps = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.CruiseSetSpeed:
                _state.SetSpeedMps = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.TurnSignal:
                long turn = binding.Codec.DecodeRaw(data);
                _state.TurnSignal = turn == binding.RawA ? Side.Left : turn == binding.RawB ? Side.Right : Side.None;
                break;
            case VehicleField.CruiseEngaged:
                _state.Engaged = binding.Codec.DecodeRaw(data) != 0;
                break;
            case VehicleField.CruiseMainOn:
                _state.MainOn = binding.Codec.DecodeRaw(data) != 0;
                break;
            case VehicleField.BrakePressed:
                _state.BrakePressed = binding.Codec.DecodeRaw(data) != 0;
                break;
            case VehicleField.GasPressed:
                _state.GasPressed = (binding.Codec.DecodeRaw(data) != 0) != binding.Inverted;
                break;
            case VehicleField.FollowDistance:
                long gap = binding.Codec.DecodeRaw(data);
                _state.TimeGap = gap == binding.RawA ? TimeGapSetting.Short
                    : gap == binding.RawB ? TimeGapSetting.Medium
                    : gap == binding.RawC ? TimeGapSetting.Long
                    : _state.TimeGap; // an undocumented value keeps the last known setting
                break;
            case VehicleField.SteeringWheelAngle:
                _state.SteeringAngleWholeDeg = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.SteeringWheelAngleFraction:
                _state.SteeringAngleFractionDeg = binding.Codec.Decode(data) * binding.Scale;
                break;
            case VehicleField.DriverSteeringTorque:
                _state.DriverSteeringTorque = binding.Codec.Decode(data);
                _state.SteeringPressed = Math.Abs(_state.DriverSteeringTorque) > binding.Threshold;
                break;
            case VehicleField.EpsMotorTorque:
                _state.EpsMotorTorque = binding.Codec.Decode(data);
                break;
        }
    }

    /// <summary>Speed, and acceleration as its low-passed derivative (no trusted acceleration signal on the bus).</summary>
    private void UpdateSpeed(double speedMps, long timestampNs)
    {
        // Wheel speeds decode slightly below 0 at standstill (offset −67.67 km/h on Toyota); the planner wants ≥ 0.
        speedMps = Math.Max(0, speedMps);
        long dtNs = timestampNs - _lastSpeedNs;
        if (_lastSpeedNs == long.MinValue || dtNs > AccelRestartGapNs)
        {
            _state.AccelMps2 = 0;
        }
        else if (dtNs > 0)
        {
            double dtS = dtNs * 1e-9;
            double rawAccelMps2 = (speedMps - _state.SpeedMps) / dtS;
            _state.AccelMps2 += (rawAccelMps2 - _state.AccelMps2) * Math.Min(1.0, dtS / _accelTimeConstantS);
        }

        _lastSpeedNs = Math.Max(_lastSpeedNs, timestampNs);
        _state.SpeedMps = speedMps;
    }

    private void MarkSeen(MessageSlot slot, long timestampNs)
    {
        if (!slot.Seen)
        {
            slot.Seen = true;
            _state.MissingMessages--;
        }

        if (slot.RequiredIndex >= 0)
        {
            _state.RequiredSeenNs[slot.RequiredIndex] = timestampNs;
        }

        if (_state.NewestNs == long.MinValue || timestampNs > _state.NewestNs)
        {
            _state.NewestNs = timestampNs;
        }
    }

    /// <summary>
    /// One mapped signal: its codec, the field it writes, unit scale (to m/s or deg) or raw codes (left/right,
    /// short/medium/long), and a threshold (steering pressed).
    /// </summary>
    private readonly record struct Binding(SignalCodec Codec, VehicleField Field, double Scale, long RawA, long RawB, long RawC, bool Inverted, double Threshold);

    /// <summary>A DBC message as the decoder sees it. <see cref="Decoded"/> is written with Interlocked (read by any thread).</summary>
    private sealed class MessageSlot(DbcMessage message)
    {
        public long Decoded;

        public DbcMessage Message { get; } = message;

        public int SizeBytes { get; } = message.SizeBytes;

        public Binding[] Bindings { get; set; } = [];

        public bool VerifiesChecksum { get; set; }

        public SignalCodec ChecksumCodec { get; set; }

        public bool CarriesWheelSpeeds { get; set; }

        /// <summary>Carries the speed or the steering angle: the yaw rate is recomputed after it.</summary>
        public bool AffectsYawRate { get; set; }

        /// <summary>Index into <see cref="DecodedVehicle.RequiredSeenNs"/>; −1 for messages without an age limit or unmapped.</summary>
        public int RequiredIndex { get; set; } = -1;

        /// <summary>Seen at least once (writer thread only).</summary>
        public bool Seen { get; set; }
    }
}
