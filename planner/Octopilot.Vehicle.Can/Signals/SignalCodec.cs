using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Signals;

/// <summary>
/// One DBC signal, precomputed for a classic CAN frame (≤ 8 bytes): the frame is read as one 64-bit word (little-endian
/// for Intel, big-endian for Motorola) so either byte order is a single shift and mask. Decode and encode are
/// allocation-free and safe to call from any thread (the codec is immutable).
/// </summary>
public readonly struct SignalCodec
{
    private readonly ulong _mask;
    private readonly int _shift;
    private readonly bool _bigEndian;
    private readonly bool _signed;
    private readonly int _lengthBits;
    private readonly int _messageBytes;

    private SignalCodec(DbcSignal signal, int messageBytes)
    {
        Signal = signal;
        _lengthBits = signal.LengthBits;
        _signed = signal.IsSigned;
        _messageBytes = messageBytes;
        _mask = signal.LengthBits == 64 ? ulong.MaxValue : (1UL << signal.LengthBits) - 1;
        _bigEndian = signal.ByteOrder == DbcByteOrder.Motorola;

        // Intel: the DBC start bit is the LSB's position in the little-endian word.
        // Motorola: the start bit is the MSB, byte b / bit i (i = 0 is the byte's LSB); in the big-endian word byte b
        // holds bits (7 − b)·8 .. (7 − b)·8 + 7, so the MSB sits at (7 − b)·8 + i and the LSB length − 1 below it.
        _shift = _bigEndian
            ? ((7 - (signal.StartBit / 8)) * 8) + (signal.StartBit % 8) - signal.LengthBits + 1
            : signal.StartBit;
        MinRaw = _signed ? -(1L << (_lengthBits - 1)) : 0;
        MaxRaw = _signed ? (1L << (_lengthBits - 1)) - 1 : (long)_mask;
    }

    public DbcSignal Signal { get; }

    /// <summary>Smallest raw value the bit field holds (two's complement when signed).</summary>
    public long MinRaw { get; }

    /// <summary>Largest raw value the bit field holds.</summary>
    public long MaxRaw { get; }

    public double Factor => Signal.Factor;

    public double Offset => Signal.Offset;

    /// <summary>
    /// Builds the codec of <paramref name="signal"/> in <paramref name="message"/>; throws naming both when it cannot
    /// work on a classic CAN frame (message over 8 bytes, IEEE float signal, unsigned 64-bit field).
    /// </summary>
    public static SignalCodec Create(DbcMessage message, DbcSignal signal)
    {
        if (message.SizeBytes > CanFrame.MaxDataBytes)
        {
            throw new NotSupportedException(
                $"{message.Name}.{signal.Name}: message is {message.SizeBytes} bytes; classic CAN codecs handle at most {CanFrame.MaxDataBytes} (CAN FD is not supported)");
        }

        if (signal.IsFloat)
        {
            throw new NotSupportedException($"{message.Name}.{signal.Name}: IEEE float signals (SIG_VALTYPE_) are not supported");
        }

        if (!signal.IsSigned && signal.LengthBits == 64)
        {
            throw new NotSupportedException($"{message.Name}.{signal.Name}: unsigned 64-bit signals do not fit a long raw value");
        }

        return new SignalCodec(signal, message.SizeBytes);
    }

    /// <summary>The raw value (sign-extended when the signal is signed). <paramref name="data"/> must hold the message's bytes.</summary>
    public long DecodeRaw(ReadOnlySpan<byte> data)
    {
        ulong bits = (ReadWord(data) >> _shift) & _mask;
        if (_signed && _lengthBits < 64)
        {
            int unused = 64 - _lengthBits;
            return (long)(bits << unused) >> unused;
        }

        return (long)bits;
    }

    /// <summary>Physical value: raw × factor + offset (no clamping: a decoded value reports what the car sent).</summary>
    public double Decode(ReadOnlySpan<byte> data) => (DecodeRaw(data) * Signal.Factor) + Signal.Offset;

    /// <summary>
    /// Writes <paramref name="raw"/> into the signal's bits, leaving all other bits as they are. Returns false (and
    /// writes nothing) when <paramref name="raw"/> is outside <see cref="MinRaw"/>..<see cref="MaxRaw"/>.
    /// </summary>
    public bool TryEncodeRaw(Span<byte> data, long raw)
    {
        if (raw < MinRaw || raw > MaxRaw)
        {
            return false;
        }

        ulong word = ReadWord(data);
        word = (word & ~(_mask << _shift)) | (((ulong)raw & _mask) << _shift);
        WriteWord(data, word);
        return true;
    }

    /// <summary>
    /// Encodes a physical value: clamped to the DBC's [min|max] when it gives one, rounded to the nearest raw step,
    /// clamped to what the bit field holds. Returns true when no clamping was needed. NaN writes nothing and returns false.
    /// </summary>
    public bool Encode(Span<byte> data, double physical)
    {
        if (double.IsNaN(physical))
        {
            return false;
        }

        bool exact = true;
        if (Signal.HasRange && (physical < Signal.Minimum || physical > Signal.Maximum))
        {
            physical = Math.Clamp(physical, Signal.Minimum, Signal.Maximum);
            exact = false;
        }

        double rawValue = Math.Round((physical - Signal.Offset) / Signal.Factor);
        if (rawValue < MinRaw || rawValue > MaxRaw || !double.IsFinite(rawValue))
        {
            rawValue = double.IsNaN(rawValue) ? 0 : Math.Clamp(rawValue, MinRaw, MaxRaw);
            exact = false;
        }

        TryEncodeRaw(data, (long)rawValue);
        return exact;
    }

    /// <summary>
    /// The physical interval every value of which encodes without clamping: the bit field's range, narrowed to the
    /// DBC's [min|max] when it gives one. Empty (<c>min &gt; max</c>) when the two do not overlap.
    /// </summary>
    public (double Min, double Max) EncodableRange()
    {
        double a = (MinRaw * Signal.Factor) + Signal.Offset;
        double b = (MaxRaw * Signal.Factor) + Signal.Offset;
        double min = Math.Min(a, b);
        double max = Math.Max(a, b);
        return Signal.HasRange ? (Math.Max(min, Signal.Minimum), Math.Min(max, Signal.Maximum)) : (min, max);
    }

    public override string ToString() => Signal.ToString();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong ReadWord(ReadOnlySpan<byte> data)
    {
        if (data.Length < _messageBytes)
        {
            ThrowTooShort(data.Length);
        }

        if (data.Length >= 8)
        {
            return _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(data) : BinaryPrimitives.ReadUInt64LittleEndian(data);
        }

        // Shorter frames: bytes past the end read as zero (the layout check keeps every signal inside the message).
        Span<byte> padded = stackalloc byte[8];
        padded.Clear();
        data.CopyTo(padded);
        return _bigEndian ? BinaryPrimitives.ReadUInt64BigEndian(padded) : BinaryPrimitives.ReadUInt64LittleEndian(padded);
    }

    private void WriteWord(Span<byte> data, ulong word)
    {
        if (data.Length >= 8)
        {
            if (_bigEndian)
            {
                BinaryPrimitives.WriteUInt64BigEndian(data, word);
            }
            else
            {
                BinaryPrimitives.WriteUInt64LittleEndian(data, word);
            }

            return;
        }

        Span<byte> padded = stackalloc byte[8];
        if (_bigEndian)
        {
            BinaryPrimitives.WriteUInt64BigEndian(padded, word);
        }
        else
        {
            BinaryPrimitives.WriteUInt64LittleEndian(padded, word);
        }

        padded[..data.Length].CopyTo(data);
    }

    private void ThrowTooShort(int length) =>
        throw new ArgumentException($"{Signal.Name}: the frame has {length} bytes, its message has {_messageBytes}");
}
