using Octopilot.Core.Configuration;
using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Tests.Infrastructure;

namespace Octopilot.Vehicle.Can.Tests.Checksums;

/// <summary>The Toyota checksum against real frames of the RAV4 minute (car ECUs and openpilot alike).</summary>
public class ToyotaChecksumTests
{
    [Theory]
    [InlineData(0x0B4, "000000001D0B7A5E")] // SPEED
    [InlineData(0x1D2, "8104007C007B0057")] // PCM_CRUISE
    [InlineData(0x1D3, "00A843CE210000B6")] // PCM_CRUISE_2
    [InlineData(0x260, "08FFFB0000001884")] // STEER_TORQUE_SENSOR
    [InlineData(0x343, "000063C000000071")] // ACC_CONTROL sent by openpilot
    [InlineData(0x343, "FC6863C0000000D5")]
    [InlineData(0x2E4, "BE000000A9")] // STEERING_LKA, 5 bytes
    [InlineData(0x2E4, "C0000000AB")]
    [InlineData(0x283, "0000000000008C")] // PRE_COLLISION, 7 bytes
    public void Compute_RealFrame_EqualsItsLastByte(uint id, string hex)
    {
        byte[] data = Convert.FromHexString(hex);

        Assert.Equal(data[^1], ToyotaChecksum.Instance.Compute(id, data));
    }

    [Fact]
    public void Compute_ByHand_SumsIdBytesLengthAndDataButTheLast()
    {
        // 0xB4 + 0x00 + 8 + (0x1D + 0x0B + 0x7A) = 0x15E → 0x5E
        Assert.Equal(0x5E, ToyotaChecksum.Instance.Compute(0xB4, Convert.FromHexString("000000001D0B7A00")));
    }

    [Fact]
    public void CheckPlacement_ChecksumNotInTheLastByte_RefusedNamingTheSignal()
    {
        DbcMessage message = DbcParser.Parse("BO_ 100 M: 8 XXX\n SG_ CHECKSUM : 7|8@0+ (1,0) [0|255] \"\" XXX\n", "bad.dbc").Messages[0];

        ConfigException e = Assert.Throws<ConfigException>(() => ToyotaChecksum.Instance.CheckPlacement(message, message.GetSignal("CHECKSUM")));

        Assert.Contains("M.CHECKSUM", e.Message, StringComparison.Ordinal);
        Assert.Contains("last byte", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPlacement_EveryToyotaChecksumSignal_Accepted()
    {
        foreach (DbcMessage message in ToyotaData.Powertrain.Messages.Concat(ToyotaData.Adas.Messages))
        {
            if (message.TryGetSignal("CHECKSUM", out DbcSignal signal))
            {
                ToyotaChecksum.Instance.CheckPlacement(message, signal);
            }
        }
    }
}
