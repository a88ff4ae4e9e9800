namespace Octopilot.Vehicle.Can.Dbc;

/// <summary>A signal's byte order as DBC writes it after the '@'.</summary>
public enum DbcByteOrder : byte
{
    /// <summary><c>@0</c>: Motorola, big-endian. The start bit is the signal's most significant bit.</summary>
    Motorola = 0,

    /// <summary><c>@1</c>: Intel, little-endian. The start bit is the signal's least significant bit.</summary>
    Intel = 1,
}
