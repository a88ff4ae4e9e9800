using Octopilot.Bench.Runner.Probe;

namespace Octopilot.Host.Bench;

/// <summary>One `octopilot bench` invocation, parsed and checked.</summary>
internal sealed record BenchRequest
{
    public required string ConfigPath { get; init; }

    public double? DurationS { get; init; }

    public string Cameras { get; init; } = "synthetic";

    public string? Perception { get; init; }

    public required string OutputFolder { get; init; }

    public string? BaselinePath { get; init; }

    /// <summary>Camera rates to sweep; empty: one run at the config's rate.</summary>
    public IReadOnlyList<double> SweepFps { get; init; } = [];

    public IReadOnlyDictionary<Stage, double> InjectedDelaysMs { get; init; } = new Dictionary<Stage, double>();

    public bool Instrumented { get; init; } = true;

    public string? Model { get; init; }

    public string? Manifest { get; init; }
}
