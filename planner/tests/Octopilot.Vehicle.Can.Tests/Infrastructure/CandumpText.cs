using System.Globalization;
using System.Text;
using Octopilot.Vehicle.Can.Frames;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>Writes frames as candump -l lines, for logs made up by tests.</summary>
internal static class CandumpText
{
    public static string Line(in CanFrame frame, string interfaceName = "can0")
    {
        long seconds = frame.TimestampNs / 1_000_000_000;
        long micros = frame.TimestampNs % 1_000_000_000 / 1_000;
        return string.Create(CultureInfo.InvariantCulture, $"({seconds}.{micros:D6}) {interfaceName} {frame}");
    }

    public static MemoryStream Stream(IEnumerable<string> lines) =>
        new(Encoding.ASCII.GetBytes(string.Join('\n', lines) + "\n"));
}
