namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>What the decoder did with one received frame. Every verdict but <see cref="Decoded"/> leaves the state untouched.</summary>
public enum FrameVerdict : byte
{
    /// <summary>A mapped message: length and checksum good, its signals folded into the state.</summary>
    Decoded = 0,

    /// <summary>The DBC knows the id, the mapping does not use it (length still checked).</summary>
    Unused = 1,

    /// <summary>The DBC does not know the id: ignored and counted.</summary>
    UnknownId = 2,

    /// <summary>Data length differs from the DBC's message size: rejected and counted.</summary>
    BadLength = 3,

    /// <summary>The checksum field disagrees with the computed checksum: rejected and counted.</summary>
    BadChecksum = 4,
}
