namespace Octopilot.Benchmarks.DriveLog;

/// <summary>Record sizes of a benchmark drive.</summary>
public enum DriveLogBenchmarkShape
{
    /// <summary>332 KB payloads: one 384x288 RGB24 camera frame, uncompressed (the bulk of a real drive's bytes).</summary>
    Frame332KB,

    /// <summary>200-byte payloads: vehicle state, commands, ticks (the per-record overhead case).</summary>
    Small200B,
}
