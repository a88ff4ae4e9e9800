using System.Runtime.CompilerServices;

namespace Octopilot.Vehicle.Can.Frames;

/// <summary>The 8 data bytes of a classic CAN frame, stored inline (no heap).</summary>
[InlineArray(CanFrame.MaxDataBytes)]
public struct CanPayload
{
    private byte _element0;
}
