using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Octopilot.Vehicle.Can.Frames;

/// <summary>
/// One classic CAN data frame (up to 8 bytes), a plain value: sources fill one in place, the decoder reads it, the
/// command encoder writes one. <see cref="TimestampNs"/> is monotonic time in the reader's clock domain (see each source).
/// </summary>
public struct CanFrame
{
    /// <summary>Classic CAN carries at most 8 data bytes (ISO 11898-1); CAN FD frames are out of scope.</summary>
    public const int MaxDataBytes = 8;

    /// <summary>Largest 11-bit (standard) identifier.</summary>
    public const uint MaxStandardId = 0x7FF;

    /// <summary>Largest 29-bit (extended) identifier.</summary>
    public const uint MaxExtendedId = 0x1FFF_FFFF;

    /// <summary>The identifier without flags: 11 bits, or 29 bits when <see cref="IsExtended"/>.</summary>
    public uint Id;

    public bool IsExtended;

    /// <summary>Data length, 0..8 bytes.</summary>
    public byte Length;

    /// <summary>Monotonic receive (or send) time, ns.</summary>
    public long TimestampNs;

    /// <summary>The data bytes; only the first <see cref="Length"/> are meaningful.</summary>
    public CanPayload Payload;

    /// <summary>The first <see cref="Length"/> bytes. Valid as long as this frame is neither changed nor out of scope.</summary>
    [UnscopedRef]
    public readonly ReadOnlySpan<byte> Data => ((ReadOnlySpan<byte>)Payload)[..Length];

    /// <summary>All 8 bytes for writing; set <see cref="Length"/> to say how many count.</summary>
    [UnscopedRef]
    public Span<byte> Buffer => Payload;

    /// <summary>Fills a frame; throws when the id does not fit its format or the data is longer than 8 bytes.</summary>
    public static CanFrame Create(uint id, ReadOnlySpan<byte> data, long timestampNs = 0, bool isExtended = false)
    {
        if (id > (isExtended ? MaxExtendedId : MaxStandardId))
        {
            throw new ArgumentOutOfRangeException(nameof(id), id, $"a {(isExtended ? "29" : "11")}-bit CAN id must be ≤ 0x{(isExtended ? MaxExtendedId : MaxStandardId):X}");
        }

        if (data.Length > MaxDataBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"a classic CAN frame carries at most {MaxDataBytes} bytes");
        }

        var frame = new CanFrame { Id = id, IsExtended = isExtended, Length = (byte)data.Length, TimestampNs = timestampNs };
        data.CopyTo(frame.Buffer);
        return frame;
    }

    /// <summary>candump notation, e.g. <c>0B4#000000001D0B7A5E</c> (allocates; for messages and tests).</summary>
    public override readonly string ToString()
    {
        string id = IsExtended ? Id.ToString("X8", CultureInfo.InvariantCulture) : Id.ToString("X3", CultureInfo.InvariantCulture);
        return id + "#" + Convert.ToHexString(Data);
    }
}
