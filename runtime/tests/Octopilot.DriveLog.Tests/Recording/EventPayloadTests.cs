using Octopilot.DriveLog.Recording;

namespace Octopilot.DriveLog.Tests.Recording;

public class EventPayloadTests
{
    [Fact]
    public void TryWriteThenTryRead_RoundTripsKindAndText()
    {
        Span<byte> buffer = stackalloc byte[64];
        Assert.True(EventPayload.TryWrite(buffer, DriveEventKind.StateTransition, "lane keep → lane change (gap 42 m)", out int n));
        Assert.True(EventPayload.TryRead(buffer[..n], out DriveEventKind kind, out ReadOnlySpan<byte> text));
        Assert.Equal(DriveEventKind.StateTransition, kind);
        Assert.Equal("lane keep → lane change (gap 42 m)", System.Text.Encoding.UTF8.GetString(text));
        Assert.Equal("lane keep → lane change (gap 42 m)", EventPayload.ReadText(buffer[..n]));
        Assert.Equal([0x65, 0x00], buffer[..2].ToArray()); // 101, little-endian
    }

    [Fact]
    public void TryWrite_DestinationTooSmall_False()
    {
        Span<byte> buffer = stackalloc byte[5];
        Assert.False(EventPayload.TryWrite(buffer, DriveEventKind.Alert, "too long", out int n));
        Assert.Equal(0, n);
        Assert.False(EventPayload.TryRead(buffer[..1], out _, out _));
    }
}
