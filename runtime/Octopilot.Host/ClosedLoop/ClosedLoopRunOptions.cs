using Octopilot.CameraPath;

namespace Octopilot.Host.ClosedLoop;

/// <summary>Per-run choices of a closed-loop `octopilot sim --scenario` (the scenario file says what to drive).</summary>
internal sealed record ClosedLoopRunOptions
{
    public PerceptionSource Perception { get; init; } = PerceptionSource.Oracle;

    /// <summary>Sim seconds between status lines.</summary>
    public double StatusIntervalS { get; init; } = 1;

    /// <summary>Where to write BEV pictures; null: none.</summary>
    public string? BevSnapshotDirectory { get; init; }

    /// <summary>Sim seconds between BEV pictures.</summary>
    public double BevSnapshotIntervalS { get; init; } = 1;
}
