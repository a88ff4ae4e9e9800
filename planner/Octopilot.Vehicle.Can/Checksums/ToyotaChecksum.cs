using Octopilot.Core.Configuration;
using Octopilot.Vehicle.Can.Dbc;

namespace Octopilot.Vehicle.Can.Checksums;

/// <summary>
/// Toyota's 8-bit checksum in the last data byte: the bytes of the CAN id + the data length + every data byte but the
/// last, modulo 256. Source: opendbc <c>can/common.cc</c> <c>toyota_checksum</c> (the same sum the panda and openpilot
/// use); checked against every checksummed frame of the comma2k19 RAV4 minute (SPEED, PCM_CRUISE, PCM_CRUISE_2,
/// GAS_PEDAL, STEER_TORQUE_SENSOR, EPS_STATUS, and the ACC_CONTROL/STEERING_LKA frames openpilot sent).
/// </summary>
public sealed class ToyotaChecksum : IFrameChecksum
{
    public static ToyotaChecksum Instance { get; } = new();

    public string Name => "toyota";

    public void CheckPlacement(DbcMessage message, DbcSignal checksumSignal)
    {
        int lastByte = message.SizeBytes - 1;
        bool lastByteMotorola = checksumSignal.ByteOrder == DbcByteOrder.Motorola && checksumSignal.StartBit == (lastByte * 8) + 7;
        bool lastByteIntel = checksumSignal.ByteOrder == DbcByteOrder.Intel && checksumSignal.StartBit == lastByte * 8;
        if (message.SizeBytes < 1 || checksumSignal.LengthBits != 8 || checksumSignal.IsSigned || !(lastByteMotorola || lastByteIntel))
        {
            throw new ConfigException(
                message.SourceName, $"{message.Name}.{checksumSignal.Name}",
                $"the Toyota checksum is the whole last byte (unsigned 8 bits at byte {lastByte}) of the {message.SizeBytes}-byte message",
                checksumSignal.ToString(), checksumSignal.LineNumber);
        }
    }

    public long Compute(uint canId, ReadOnlySpan<byte> data)
    {
        uint sum = (uint)data.Length;
        for (uint id = canId; id != 0; id >>= 8)
        {
            sum += id & 0xFF;
        }

        for (int i = 0; i < data.Length - 1; i++)
        {
            sum += data[i];
        }

        return sum & 0xFF;
    }
}
