using Octopilot.CameraPath;
using Octopilot.Host.Recording;

namespace Octopilot.Host.Sim;

/// <summary>Per-run choices of `octopilot sim` (the settings file says what to simulate; these say how long and what to write).</summary>
public sealed record SimRunOptions
{
    public double DurationS { get; init; } = 10;

    /// <summary>Where to write the PNG mosaics; null: no snapshot.</summary>
    public string? SnapshotDirectory { get; init; }

    /// <summary>Sim time of the snapshot (the first complete set at or after it).</summary>
    public double SnapshotAtS { get; init; } = 2;

    public double StatusIntervalS { get; init; } = 1;

    /// <summary>Exit 1 when anything was dropped, late, failed or allocated in steady state.</summary>
    public bool Strict { get; init; }

    /// <summary>Which perception feeds the BEV and the world model (the HydraNet, when loaded, runs on every set either way).</summary>
    public PerceptionSource Perception { get; init; } = PerceptionSource.Oracle;

    /// <summary>Where to write BEV pictures; null: none.</summary>
    public string? BevSnapshotDirectory { get; init; }

    /// <summary>Seconds between BEV pictures.</summary>
    public double BevSnapshotIntervalS { get; init; } = 1;

    /// <summary>Record the drive (`--record DIR`); null: no recording.</summary>
    public DriveRecordingOptions? Recording { get; init; }

    /// <summary>SCHED_FIFO priority for the planner tick thread (granted or refused is reported, never assumed); null: normal scheduling.</summary>
    public int? TickFifoPriority { get; init; }

    /// <summary>`octopilot bench`'s instrumentation; null for a plain sim.</summary>
    internal Bench.BenchHooks? Bench { get; init; }
}
