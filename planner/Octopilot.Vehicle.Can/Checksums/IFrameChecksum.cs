using Octopilot.Vehicle.Can.Dbc;

namespace Octopilot.Vehicle.Can.Checksums;

/// <summary>
/// A car maker's frame checksum. The DBC says where the checksum field is (a signal, e.g. <c>CHECKSUM</c>); the
/// algorithm says how it is computed. Implementations are stateless and thread-safe.
/// </summary>
public interface IFrameChecksum
{
    /// <summary>For messages and logs, e.g. <c>"toyota"</c>.</summary>
    string Name { get; }

    /// <summary>
    /// Throws (naming message and signal) when <paramref name="checksumSignal"/> is not where this algorithm expects
    /// its field, so a wrong mapping fails at start-up rather than rejecting every frame on the road.
    /// </summary>
    void CheckPlacement(DbcMessage message, DbcSignal checksumSignal);

    /// <summary>The checksum of a frame whose data is <paramref name="data"/> (the checksum field's own bits are not used).</summary>
    long Compute(uint canId, ReadOnlySpan<byte> data);
}
