using System.Buffers.Binary;
using System.Text;

namespace Octopilot.DriveLog.Recording;

/// <summary>
/// Payload of an <see cref="Format.RecordType.Event"/> record, little-endian:
/// <code>
/// 0  u16  kind (<see cref="DriveEventKind"/>)
/// 2  ...  UTF-8 text, to the end of the payload (no terminator, no length: the record header has it)
/// </code>
/// Writers stay allocation-free by formatting straight into a span (<see cref="TryWrite"/>, or
/// <see cref="WriteKind"/> then <c>Utf8.TryWrite</c> into <c>destination[TextOffset..]</c>).
/// </summary>
public static class EventPayload
{
    /// <summary>Bytes before the text.</summary>
    public const int TextOffset = 2;

    /// <summary>Writes the kind code into the first <see cref="TextOffset"/> bytes of <paramref name="destination"/>.</summary>
    public static void WriteKind(Span<byte> destination, DriveEventKind kind) =>
        BinaryPrimitives.WriteUInt16LittleEndian(destination, (ushort)kind);

    /// <summary>
    /// Writes kind and text; false (nothing usable written) when <paramref name="destination"/> is too small. No allocation.
    /// </summary>
    public static bool TryWrite(Span<byte> destination, DriveEventKind kind, ReadOnlySpan<char> text, out int bytesWritten)
    {
        bytesWritten = 0;
        if (destination.Length < TextOffset || !Encoding.UTF8.TryGetBytes(text, destination[TextOffset..], out int textBytes))
        {
            return false;
        }

        WriteKind(destination, kind);
        bytesWritten = TextOffset + textBytes;
        return true;
    }

    /// <summary>Splits a payload into kind and UTF-8 text; false when it is shorter than the kind code.</summary>
    public static bool TryRead(ReadOnlySpan<byte> payload, out DriveEventKind kind, out ReadOnlySpan<byte> utf8Text)
    {
        if (payload.Length < TextOffset)
        {
            kind = default;
            utf8Text = default;
            return false;
        }

        kind = (DriveEventKind)BinaryPrimitives.ReadUInt16LittleEndian(payload);
        utf8Text = payload[TextOffset..];
        return true;
    }

    /// <summary>The text as a string (allocates; for tools and tests). Invalid UTF-8 becomes U+FFFD.</summary>
    public static string ReadText(ReadOnlySpan<byte> payload) =>
        payload.Length < TextOffset ? string.Empty : Encoding.UTF8.GetString(payload[TextOffset..]);
}
