using Octopilot.Vehicle.Can.Checksums;
using Octopilot.Vehicle.Can.Dbc;
using Octopilot.Vehicle.Can.Frames;
using Octopilot.Vehicle.Can.Signals;

namespace Octopilot.Vehicle.Can.Tests.Infrastructure;

/// <summary>Makes frames of a DBC message from physical signal values, with a valid checksum when the message has one.</summary>
internal sealed class FrameBuilder(DbcFile dbc, IFrameChecksum? checksum = null, string checksumSignal = "CHECKSUM")
{
    public CanFrame Build(string messageName, long timestampNs, params (string Signal, double Value)[] values)
    {
        DbcMessage message = dbc.GetMessage(messageName);
        var data = new byte[message.SizeBytes];
        foreach ((string signal, double value) in values)
        {
            SignalCodec.Create(message, message.GetSignal(signal)).Encode(data, value);
        }

        if (checksum is not null && message.TryGetSignal(checksumSignal, out DbcSignal field))
        {
            SignalCodec.Create(message, field).TryEncodeRaw(data, checksum.Compute(message.Id, data));
        }

        return CanFrame.Create(message.Id, data, timestampNs, message.IsExtended);
    }
}
