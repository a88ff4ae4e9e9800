namespace Octopilot.Vehicle.Can.Mapping;

/// <summary>What the decoder did with the frames it was given, per verdict. A snapshot; each field read atomically.</summary>
public readonly record struct DecoderCounters
{
    public long Frames { get; init; }

    public long Decoded { get; init; }

    public long Unused { get; init; }

    public long UnknownIds { get; init; }

    public long BadLength { get; init; }

    public long BadChecksum { get; init; }
}
