using Octopilot.Core.Frames;
using Octopilot.Inference.Engine;

namespace Octopilot.Host.Sim;

/// <summary>Everything `octopilot sim` needs, read once from a sim file (and command-line overrides) and validated.</summary>
public sealed record SimSettings
{
    public required string SettingsFile { get; init; }

    public required string RigFile { get; init; }

    public required string ScenarioFile { get; init; }

    /// <summary>Cameras of the rig to run, in batch order; empty means every camera of the rig.</summary>
    public IReadOnlyList<string> CameraNames { get; init; } = [];

    public required CameraMode Mode { get; init; }

    /// <summary>Cameras of the rig that play a video file instead of rendering the scenario (name → file).</summary>
    public IReadOnlyDictionary<string, string> VideoFiles { get; init; } = new Dictionary<string, string>();

    public int SlabCount { get; init; } = 4;

    public double SyncToleranceMs { get; init; } = 5;

    /// <summary>0: the pipeline default (¾ frame period).</summary>
    public double SetDeadlineMs { get; init; }

    /// <summary>Start-of-frame offsets of the cameras are spread over this many ms (deterministic), so sync skew is real.</summary>
    public double CameraPhaseSpreadMs { get; init; } = 1.0;

    /// <summary>The HydraNet run on every frame set; null: capture only (no model configured, or --no-inference).</summary>
    public InferenceOptions? Inference { get; init; }
}
