using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Signals;
using Octopilot.Vehicle.Can.Tests.Infrastructure;

namespace Octopilot.Vehicle.Can.Tests.Signals;

/// <summary>Bit layouts of both byte orders against bytes worked out by hand from the DBC conventions.</summary>
public class SignalCodecKnownAnswerTests
{
    [Theory]
    // Intel (@1): start bit = LSB, counting up through the bytes.
    [InlineData("0|16@1+", 0x1234, "3412000000000000")]
    [InlineData("12|8@1+", 0xAB, "00B00A0000000000")] // low nibble B in byte 1's high half, high nibble A in byte 2's low half
    [InlineData("48|16@1+", 0xBEEF, "000000000000EFBE")]
    [InlineData("5|14@1+", 0x3FFF, "E0FF070000000000")] // bits 5..18 across three bytes
    [InlineData("4|8@1-", -2, "E00F000000000000")] // 0xFE split over bytes 0 and 1
    // Motorola (@0): start bit = MSB (byte·8 + bit, bit 0 = LSB), running down inside a byte, then into the next byte.
    [InlineData("7|16@0+", 0x1234, "1234000000000000")]
    [InlineData("3|12@0-", 0x123, "0123000000000000")] // STEER_ANGLE's layout: 4 bits of byte 0, all of byte 1
    [InlineData("3|12@0-", -1, "0FFF000000000000")]
    [InlineData("6|15@0+", 6767, "1A6F000000000000")] // WHEEL_SPEED_FR's layout: 7 bits of byte 0, all of byte 1
    [InlineData("47|16@0+", 2938, "00000000000B7A00")] // SPEED: bytes 5 and 6
    [InlineData("33|10@0+", 0x3FF, "0000000003FF0000")] // KINEMATICS.ACCEL_Y: 2 bits of byte 4, all of byte 5
    [InlineData("7|16@0-", -920, "FC68000000000000")] // ACCEL_CMD of -0.920 m/s², as openpilot sent it
    public void TryEncodeRaw_HandComputedLayouts_GivesTheBytesAndDecodesBack(string layout, long raw, string hex)
    {
        SignalCodec codec = Codec(layout);
        var data = new byte[8];

        Assert.True(codec.TryEncodeRaw(data, raw));

        Assert.Equal(hex, Convert.ToHexString(data));
        Assert.Equal(raw, codec.DecodeRaw(Convert.FromHexString(hex)));
    }

    [Fact]
    public void TryEncodeRaw_OtherBitsSet_LeavesThemAlone()
    {
        SignalCodec codec = Codec("6|15@0+");
        byte[] data = Convert.FromHexString("FFFFFFFFFFFFFFFF");

        Assert.True(codec.TryEncodeRaw(data, 0));

        Assert.Equal("8000FFFFFFFFFFFF", Convert.ToHexString(data)); // bit 7 of byte 0 (WHEEL_SPEED_FR_FAULT) survives
    }

    [Fact]
    public void TryEncodeRaw_OutsideTheField_RefusedAndNothingWritten()
    {
        SignalCodec codec = Codec("3|12@0-");
        var data = new byte[8];

        Assert.False(codec.TryEncodeRaw(data, 2048));
        Assert.False(codec.TryEncodeRaw(data, -2049));

        Assert.All(data, b => Assert.Equal(0, b));
        Assert.Equal((-2048L, 2047L), (codec.MinRaw, codec.MaxRaw));
    }

    [Fact]
    public void Encode_ShortMessage_WritesItsLastByte()
    {
        DbcMessage message = DbcParser.Parse("BO_ 740 LKA: 5 XXX\n SG_ CHECKSUM : 39|8@0+ (1,0) [0|255] \"\" XXX\n", "t.dbc").Messages[0];
        SignalCodec codec = SignalCodec.Create(message, message.GetSignal("CHECKSUM"));
        var data = new byte[5];

        Assert.True(codec.TryEncodeRaw(data, 0xA9));

        Assert.Equal("00000000A9", Convert.ToHexString(data));
    }

    [Fact]
    public void Decode_RealRav4Frames_GiveTheValuesTheSegmentReports()
    {
        // First frames of the comma2k19 RAV4 minute; SOURCE.md: "29.38 km/h in the first frame".
        DbcFile dbc = ToyotaData.Powertrain;
        Assert.Equal(29.38, Decode(dbc, "SPEED", "SPEED", "000000001D0B7A5E"), 9);
        Assert.Equal(28.86, Decode(dbc, "WHEEL_SPEEDS", "WHEEL_SPEED_FL", "25B525B525A0258D"), 9); // (9653 × 0.01 − 67.67) km/h
        Assert.Equal(28.46, Decode(dbc, "WHEEL_SPEEDS", "WHEEL_SPEED_RL", "25B525B525A0258D"), 9); // bytes 6-7: 0x258D = 9613
        Assert.Equal(-0.920, Decode(dbc, "ACC_CONTROL", "ACCEL_CMD", "FC6863C0000000D5"), 9);
        Assert.Equal(3, Decode(dbc, "BLINKERS_STATE", "TURN_SIGNALS", "290000300000DA56")); // 3 = "none"
        Assert.Equal(67, Decode(dbc, "PCM_CRUISE_2", "SET_SPEED", "00A843CE210000B6"));
        Assert.Equal(1, Decode(dbc, "PCM_CRUISE_2", "MAIN_ON", "00A843CE210000B6"));
    }

    [Fact]
    public void Encode_OutsideTheDbcRange_ClampsToItAndSaysSo()
    {
        DbcFile dbc = ToyotaData.Powertrain;
        DbcMessage acc = dbc.GetMessage("ACC_CONTROL");
        SignalCodec accel = SignalCodec.Create(acc, acc.GetSignal("ACCEL_CMD"));
        DbcMessage gas = dbc.GetMessage("GAS_PEDAL_HYBRID");
        SignalCodec pedal = SignalCodec.Create(gas, gas.GetSignal("GAS_PEDAL"));
        var data = new byte[8];

        Assert.False(accel.Encode(data, 25.0));
        Assert.Equal(20.0, accel.Decode(data), 9); // [-20|20] m/s²
        Assert.True(accel.Encode(data, -1.2345));
        Assert.Equal(-1.234, accel.Decode(data), 9); // nearest 0.001 step (to even)
        Assert.False(pedal.Encode(data, 1.2)); // [0|1] although 8 bits × 0.005 reach 1.275
        Assert.Equal(1.0, pedal.Decode(data), 9);
    }

    [Fact]
    public void Encode_NoDbcRange_ClampsToTheField()
    {
        SignalCodec codec = Codec("7|8@0+");
        var data = new byte[8];

        Assert.False(codec.Encode(data, 300));
        Assert.Equal(255, codec.DecodeRaw(data));
        Assert.False(codec.Encode(data, -5));
        Assert.Equal(0, codec.DecodeRaw(data));
        data[0] = 0x42;
        Assert.False(codec.Encode(data, double.NaN));
        Assert.Equal(0x42, data[0]); // NaN writes nothing
    }

    private static double Decode(DbcFile dbc, string message, string signal, string hex)
    {
        DbcMessage m = dbc.GetMessage(message);
        return SignalCodec.Create(m, m.GetSignal(signal)).Decode(Convert.FromHexString(hex));
    }

    private static SignalCodec Codec(string layout)
    {
        DbcMessage message = DbcParser.Parse($"BO_ 1 T: 8 XXX\n SG_ S : {layout} (1,0) [0|0] \"\" XXX\n", "layout.dbc").Messages[0];
        return SignalCodec.Create(message, message.Signals[0]);
    }
}
