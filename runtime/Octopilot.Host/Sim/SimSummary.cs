using System.Globalization;
using Octopilot.Core.Statistics;
using Octopilot.Pipeline.Stats;

namespace Octopilot.Host.Sim;

/// <summary>The final report of `octopilot sim`, and the verdict used by --strict.</summary>
internal sealed class SimSummary
{
    public required string Title { get; init; }

    public required IReadOnlyList<string> CameraNames { get; init; }

    public required PipelineStatistics Statistics { get; init; }

    public required LogHistogram EndToEnd { get; init; }

    public required double WallS { get; init; }

    public required double CpuS { get; init; }

    public required double ExpectedFps { get; init; }

    public required double SyncToleranceMs { get; init; }

    public required long ConsumerSteadyStateBytes { get; init; }

    public required long ConsumerSteadyStateSets { get; init; }

    /// <summary>Inference results; null when the run had no model.</summary>
    public InferenceSummary? Inference { get; init; }

    public long TotalDropped => Statistics.Cameras.Sum(c => c.Dropped);

    public long TotalLate => Statistics.Cameras.Sum(c => c.Late);

    public long TotalErrors => Statistics.Cameras.Sum(c => c.Errors);

    public long TotalDeviceGaps => Statistics.Cameras.Sum(c => c.DeviceGaps);

    /// <summary>Nothing lost, nothing late, nothing failed, nothing allocated in steady state.</summary>
    public bool IsClean =>
        TotalDropped == 0 && TotalLate == 0 && TotalErrors == 0 && TotalDeviceGaps == 0 && Statistics.SetsIncomplete == 0 &&
        (Inference is null || (Inference.NonFiniteOutputs == 0 && Inference.DetectionsRejected == 0)) &&
        Statistics.CaptureSteadyStateAllocatedBytes == 0 && ConsumerSteadyStateBytes == 0;

    public void WriteTo(TextWriter output)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        PipelineStatistics s = Statistics;
        output.WriteLine();
        output.WriteLine(Title);
        output.WriteLine(string.Create(c, $"{"camera",-16}{"captured",9}{"fps",8}{"dropped",9}{"late",6}{"errors",8}{"gaps",6}{"missing",9}"));
        for (int i = 0; i < CameraNames.Count; i++)
        {
            CameraCountersSnapshot k = s.Cameras[i];
            output.WriteLine(string.Create(c,
                $"{CameraNames[i],-16}{k.Captured,9}{k.Captured / WallS,8:0.00}{k.Dropped,9}{k.Late,6}{k.Errors,8}{k.DeviceGaps,6}{k.MissingFromSets,9}"));
        }

        output.WriteLine(string.Create(c,
            $"sets:        {s.SetsShipped} shipped ({s.SetsComplete} complete, {s.SetsIncomplete} incomplete), {s.SetsDropped} dropped unconsumed, {s.LeasedSets} leases outstanding"));
        output.WriteLine(string.Create(c,
            $"sync skew:   p50 {Ms(s.SyncSkew.PercentileNs(50))} ms, p99 {Ms(s.SyncSkew.PercentileNs(99))} ms, max {Ms(s.SyncSkew.MaxNs)} ms (tolerance {SyncToleranceMs:0.###} ms)"));
        output.WriteLine(string.Create(c,
            $"assembly:    first frame to set shipped p50 {Ms(s.AssemblyLatency.PercentileNs(50))} ms, p99 {Ms(s.AssemblyLatency.PercentileNs(99))} ms, max {Ms(s.AssemblyLatency.MaxNs)} ms"));
        if (Inference is InferenceSummary inference)
        {
            output.WriteLine(string.Create(c,
                $"inference:   {inference.SetsInferred} sets on {inference.Provider}, {inference.SetsInferred / WallS:0.0} sets/s; run p50 {Ms(inference.Latency.PercentileNs(50))} ms, p99 {Ms(inference.Latency.PercentileNs(99))} ms, max {Ms(inference.Latency.MaxNs)} ms"));
            output.WriteLine(string.Create(c,
                $"perception:  {inference.Detections} detections, {inference.NonFiniteOutputs} head outputs rejected for NaN/Inf, {inference.DetectionsRejected} detections rejected"));
        }

        output.WriteLine(string.Create(c,
            $"end to end:  newest start of frame to {(Inference is null ? "consumer" : "decoded perception")} p50 {Ms(EndToEnd.PercentileNs(50))} ms, p99 {Ms(EndToEnd.PercentileNs(99))} ms, max {Ms(EndToEnd.MaxNs)} ms"));
        output.WriteLine(string.Create(c,
            $"allocation:  capture threads {s.CaptureSteadyStateAllocatedBytes} B over {s.CaptureSteadyStateFrames} frames, consumer {ConsumerSteadyStateBytes} B over {ConsumerSteadyStateSets} sets (steady state, after warm-up)"));
        output.WriteLine(string.Create(c,
            $"cpu:         {CpuS / WallS:0.00} cores average over {WallS:0.0} s ({Environment.ProcessorCount} available); expected {ExpectedFps:0.##} fps per camera"));
        output.WriteLine(IsClean
            ? "verdict:     OK: no drops, no late frames, no errors, no incomplete sets, zero steady-state allocation"
            : string.Create(c,
                $"verdict:     DEGRADED: {TotalDropped} dropped, {TotalLate} late, {TotalErrors} errors, {TotalDeviceGaps} device gaps, {s.SetsIncomplete} incomplete sets, {s.CaptureSteadyStateAllocatedBytes + ConsumerSteadyStateBytes} B allocated"));
    }

    private static string Ms(long ns) => SimStatusLine.Ms(ns);
}
