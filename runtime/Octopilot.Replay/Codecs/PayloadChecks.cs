
namespace Octopilot.Replay.Codecs;

/// <summary>Length checks with a message that names the record kind, the length found and the one expected.</summary>
internal static class PayloadChecks
{
    public static void RequireLength(ReadOnlySpan<byte> payload, int expectedBytes, string what)
    {
        if (payload.Length != expectedBytes)
        {
            throw new PayloadException($"{what} payload is {payload.Length} bytes; this build's layout is {expectedBytes} bytes (recorded by another version, or corrupt)");
        }
    }

    public static void RequireAtLeast(ReadOnlySpan<byte> payload, int minimumBytes, string what)
    {
        if (payload.Length < minimumBytes)
        {
            throw new PayloadException($"{what} payload is {payload.Length} bytes; at least {minimumBytes} are needed");
        }
    }
}
