using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>
/// One line of a <c>candump -l</c> log: <c>(1436509052.249713) can0 123#DEADBEEF</c>, optionally followed by a
/// direction flag (<c>R</c>/<c>T</c>). Problems come back as constant strings (no allocation on the good path).
/// CAN FD (<c>##</c>) and remote (<c>#R</c>) frames are refused: classic data frames only.
/// </summary>
internal static class CandumpLineParser
{
    /// <summary>Parses <paramref name="line"/> into <paramref name="frame"/>; returns null when good, else what was expected.</summary>
    public static string? TryParse(ReadOnlySpan<byte> line, ref CanFrame frame, out ReadOnlySpan<byte> interfaceName)
    {
        interfaceName = default;
        int i = 0;
        if (line.Length == 0 || line[0] != (byte)'(')
        {
            return "expected '(' and a timestamp at the start, as in (1436509052.249713) can0 123#DEADBEEF";
        }

        i++;
        int secondsStart = i;
        long seconds = 0;
        while (i < line.Length && IsDigit(line[i]) && i - secondsStart < 12)
        {
            seconds = (seconds * 10) + (line[i++] - '0');
        }

        if (i == secondsStart || i >= line.Length || line[i] != (byte)'.')
        {
            return "expected the timestamp as seconds.fraction, e.g. (1436509052.249713)";
        }

        i++;
        long fractionNs = 0;
        int fractionDigits = 0;
        while (i < line.Length && IsDigit(line[i]))
        {
            if (fractionDigits < 9)
            {
                fractionNs = (fractionNs * 10) + (line[i] - '0');
                fractionDigits++;
            }

            i++;
        }

        if (fractionDigits == 0 || i >= line.Length || line[i] != (byte)')')
        {
            return "expected fraction digits and ')' to close the timestamp";
        }

        for (int d = fractionDigits; d < 9; d++)
        {
            fractionNs *= 10;
        }

        i++;
        int interfaceStart = SkipSpaces(line, i);
        i = interfaceStart;
        while (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t')
        {
            i++;
        }

        if (i == interfaceStart)
        {
            return "expected an interface name (e.g. can0) after the timestamp";
        }

        interfaceName = line[interfaceStart..i];
        i = SkipSpaces(line, i);
        int idStart = i;
        uint id = 0;
        while (i < line.Length && TryHex(line[i], out int nibble) && i - idStart < 8)
        {
            id = (id << 4) | (uint)nibble;
            i++;
        }

        int idDigits = i - idStart;
        if (idDigits == 0 || i >= line.Length || line[i] != (byte)'#')
        {
            return "expected a hex CAN id and '#', e.g. 0B4#...";
        }

        bool extended = idDigits == 8;
        if (idDigits is not (<= 3 or 8))
        {
            return "expected a 3-digit (standard) or 8-digit (extended) hex CAN id";
        }

        if (id > (extended ? CanFrame.MaxExtendedId : CanFrame.MaxStandardId))
        {
            return extended ? "expected an extended id ≤ 1FFFFFFF" : "expected a standard id ≤ 7FF";
        }

        i++;
        if (i < line.Length && line[i] == (byte)'#')
        {
            return "CAN FD frames (##) are not supported: classic CAN only";
        }

        if (i < line.Length && (line[i] == (byte)'R' || line[i] == (byte)'r'))
        {
            return "remote (RTR) frames are not supported: data frames only";
        }

        int length = 0;
        while (i + 1 < line.Length && TryHex(line[i], out int high) && TryHex(line[i + 1], out int low))
        {
            if (length == CanFrame.MaxDataBytes)
            {
                return "expected at most 8 data bytes (16 hex digits)";
            }

            frame.Payload[length++] = (byte)((high << 4) | low);
            i += 2;
        }

        if (i < line.Length && line[i] != (byte)' ' && line[i] != (byte)'\t')
        {
            return "expected data as pairs of hex digits after '#'";
        }

        i = SkipSpaces(line, i);
        if (i < line.Length && !(i == line.Length - 1 && line[i] is (byte)'R' or (byte)'T'))
        {
            return "expected nothing after the data but a direction flag (R or T)";
        }

        frame.Id = id;
        frame.IsExtended = extended;
        frame.Length = (byte)length;
        frame.TimestampNs = (seconds * 1_000_000_000) + fractionNs;
        return null;
    }

    private static int SkipSpaces(ReadOnlySpan<byte> line, int i)
    {
        while (i < line.Length && (line[i] == (byte)' ' || line[i] == (byte)'\t'))
        {
            i++;
        }

        return i;
    }

    private static bool IsDigit(byte b) => b is >= (byte)'0' and <= (byte)'9';

    private static bool TryHex(byte b, out int value)
    {
        value = b switch
        {
            >= (byte)'0' and <= (byte)'9' => b - '0',
            >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
            >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
            _ => -1,
        };
        return value >= 0;
    }
}
