using Octopilot.Core.Time;

namespace Octopilot.Vehicle.Can.Sources;

/// <summary>How to replay a candump log. Immutable.</summary>
public sealed record CandumpLogOptions
{
    /// <summary>Malformed-line reports kept (the count goes on): enough to see a pattern, bounded so a binary file cannot fill memory.</summary>
    public const int MaxKeptReports = 100;

    public CandumpPacing Pacing { get; init; } = CandumpPacing.AsFastAsPossible;

    /// <summary>Only frames of this interface (e.g. <c>"can0"</c>, the RAV4 log's powertrain bus); null = all.</summary>
    public string? Interface { get; init; }

    /// <summary>The clock <see cref="CandumpPacing.Timestamps"/> paces against; a <see cref="VirtualClock"/> in tests.</summary>
    public IClock Clock { get; init; } = MonotonicClock.Instance;
}
