namespace Octopilot.DriveLog.Format;

/// <summary>One stream of a drive: which record type, which id, and for cameras the frame size and decimation.</summary>
public sealed record StreamInfo
{
    public required RecordType Type { get; init; }

    public required ushort StreamId { get; init; }

    /// <summary>Camera name as in the rig, or the producer's name.</summary>
    public required string Name { get; init; }

    /// <summary>Frame width, px (cameras only, else 0).</summary>
    public int WidthPx { get; init; }

    /// <summary>Frame height, px (cameras only, else 0).</summary>
    public int HeightPx { get; init; }

    /// <summary>1 = every frame recorded; n = one set in n (cameras only).</summary>
    public int Decimation { get; init; } = 1;

    /// <summary>Payload size for fixed-layout records, bytes (0 = variable): a reader checks it before decoding.</summary>
    public int PayloadBytes { get; init; }
}
