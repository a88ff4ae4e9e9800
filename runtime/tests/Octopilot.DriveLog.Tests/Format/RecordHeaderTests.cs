using Octopilot.DriveLog.Format;

namespace Octopilot.DriveLog.Tests.Format;

public class RecordHeaderTests
{
    [Fact]
    public void WriteThenRead_RoundTripsEveryField()
    {
        var header = new RecordHeader(RecordType.ControlCommand, RecordFlags.Lz4, 7, 123_456_789_012, 4321, 0xDEADBEEF);
        var bytes = new byte[RecordHeader.SizeBytes];
        header.Write(bytes);

        Assert.True(RecordHeader.TryRead(bytes, out RecordHeader read));
        Assert.Equal(header, read);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(10)]
    [InlineData(17)]
    [InlineData(25)]
    public void TryRead_AnyFlippedBit_IsRejected(int byteIndex)
    {
        var bytes = new byte[RecordHeader.SizeBytes];
        new RecordHeader(RecordType.Event, RecordFlags.None, 1, 42, 10, 99).Write(bytes);
        bytes[byteIndex] ^= 0x10;

        Assert.False(RecordHeader.TryRead(bytes, out _));
    }

    [Fact]
    public void Crc32C_MatchesTheCastagnoliCheckValue()
    {
        // The standard check value of CRC-32C over "123456789" (RFC 3720, iSCSI).
        Assert.Equal(0xE3069283u, RecordHeader.Crc32C("123456789"u8));
    }
}
