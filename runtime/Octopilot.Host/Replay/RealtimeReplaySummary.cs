using System.Globalization;
using Octopilot.Core.Statistics;
using Octopilot.Pipeline.Stats;
using Octopilot.Planner.Tick;
using Octopilot.Replay.Playback.Realtime;

namespace Octopilot.Host.Replay;

/// <summary>
/// The lines a real-time replay ends with: frames replayed per camera (recorded in the window, replayed, dropped by the
/// pipeline or as late, corrupt, sequence gaps inside the replay, missing from sets), sets, latency in wall time, the
/// planner's ticks, and the command stream against the recorded one, compared approximately (nearest live tick in
/// drive time) and said to be so.
/// </summary>
internal sealed class RealtimeReplaySummary
{
    public required IReadOnlyList<string> CameraNames { get; init; }

    public required IReadOnlyList<ReplayCameraSource> Cameras { get; init; }

    public required ReplayFrameFeed Feed { get; init; }

    public required PipelineStatistics Statistics { get; init; }

    /// <summary>Newest start of frame → set taken, drive ns (divided by <see cref="Speed"/> for wall time).</summary>
    public required LogHistogram EndToEndDriveNs { get; init; }

    /// <summary>HydraNet runs, wall ns; null without a model.</summary>
    public LogHistogram? InferenceWallNs { get; init; }

    public required double Speed { get; init; }

    public required double DriveS { get; init; }

    public required long SetsTaken { get; init; }

    public required long ConsumerSteadyStateBytes { get; init; }

    public required long ConsumerSteadyStateSets { get; init; }

    public required long VehicleStatesPublished { get; init; }

    public required int LiveTicks { get; init; }

    public required long LiveTicksNotKept { get; init; }

    /// <summary>The live tick loop's own accounting (lateness in drive ns).</summary>
    public required TickLoopStatistics Ticks { get; init; }

    public required CommandStreamComparison Commands { get; init; }

    /// <summary>The drive's first recorded tick, ns: times in the summary count from it, as --from and --to do.</summary>
    public required long FirstRecordedTickNs { get; init; }

    /// <summary>Damaged ranges and unreadable records of the drive (`octopilot log info` lists them).</summary>
    public required int TimelineWarnings { get; init; }

    public void WriteTo(TextWriter output)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        PipelineStatistics s = Statistics;
        output.WriteLine();
        output.WriteLine(string.Create(c, $"summary: {DriveS:0.0} s of drive replayed in real time at {Speed:0.##}x ({DriveS / Speed:0.0} s wall)"));
        output.WriteLine(string.Create(c, $"{"camera",-16}{"recorded",9}{"replayed",9}{"captured",9}{"dropped",9}{"late-skip",10}{"corrupt",8}{"gaps",6}{"missing",9}"));
        for (int i = 0; i < CameraNames.Count; i++)
        {
            ReplayCameraSource camera = Cameras[i];
            CameraCountersSnapshot k = s.Cameras[i];
            output.WriteLine(string.Create(c,
                $"{CameraNames[i],-16}{Feed.FramesQueued(i),9}{camera.FramesDelivered,9}{k.Captured,9}{k.Dropped,9}{camera.FramesSkippedLate,10}{camera.FramesCorrupt,8}{GapsInReplay(k, camera),6}{k.MissingFromSets,9}"));
        }

        output.WriteLine(string.Create(c,
            $"frames:      {Cameras.Sum(x => x.FramesDelivered)} replayed of {Enumerable.Range(0, Cameras.Count).Sum(Feed.FramesQueued)} read from the drive; {Feed.FramesSkipped} records skipped, {Feed.FramesCorrupt} queued corrupt{(Feed.Failure is null ? string.Empty : $"; FEED FAILED: {Feed.Failure}")}"));
        output.WriteLine(string.Create(c,
            $"sets:        {s.SetsShipped} shipped ({s.SetsComplete} complete, {s.SetsIncomplete} incomplete), {s.SetsDropped} dropped unconsumed; {SetsTaken} taken by the inference thread"));
        output.WriteLine(string.Create(c,
            $"end to end:  newest start of frame to set processed (wall) p50 {WallMs(EndToEndDriveNs.PercentileNs(50))} ms, p99 {WallMs(EndToEndDriveNs.PercentileNs(99))} ms, max {WallMs(EndToEndDriveNs.MaxNs)} ms"));
        if (InferenceWallNs is LogHistogram inference)
        {
            output.WriteLine(string.Create(c,
                $"inference:   {inference.Count} runs, p50 {inference.PercentileNs(50) / 1e6:0.0} ms, p99 {inference.PercentileNs(99) / 1e6:0.0} ms"));
        }

        output.WriteLine(string.Create(c,
            $"allocation:  capture threads {s.CaptureSteadyStateAllocatedBytes} B over {s.CaptureSteadyStateFrames} frames, consumer {ConsumerSteadyStateBytes} B over {ConsumerSteadyStateSets} sets (steady state)"));
        output.WriteLine(string.Create(c,
            $"planner:     {LiveTicks} live ticks{(LiveTicksNotKept > 0 ? $" (+{LiveTicksNotKept} not kept)" : string.Empty)} on {VehicleStatesPublished} recorded vehicle state(s); lateness (wall) p50 {WallMs(Ticks.LatenessNs.PercentileNs(50))} ms, p99 {WallMs(Ticks.LatenessNs.PercentileNs(99))} ms, {Ticks.MissedTicks} missed"));
        CommandStreamComparison k2 = Commands;
        output.WriteLine(string.Create(c,
            $"commands:    {k2.Compared} recorded ticks compared with the nearest live tick (within {k2.MaxPairingGapNs / 1e6:0.#} ms of drive time, mean {k2.MeanPairingGapNs / 1e6:0.000} ms), {k2.Unpaired} without one"));
        output.WriteLine(string.Create(c,
            $"             |Δ target accel| mean {k2.MeanAbsDeltaAccelMps2:0.0000} m/s², max {k2.MaxAbsDeltaAccelMps2:0.0000} m/s² (at {AtS(k2.MaxAbsDeltaAtNs)} s); mode mismatches {k2.ModeMismatches}{(k2.ModeMismatches > 0 ? $" (from {AtS(k2.FirstModeMismatchAtNs)} s to {AtS(k2.LastModeMismatchAtNs)} s)" : string.Empty)}"));
        if (TimelineWarnings > 0)
        {
            output.WriteLine(string.Create(c, $"warning:     the drive has {TimelineWarnings} damaged ranges or unreadable records ('octopilot log info' lists them)"));
        }

        output.WriteLine("verdict:     APPROXIMATE by design: real-time replay forms sets by thread timing; use 'replay DIR --compare' for the bit-exact check");
    }

    /// <summary>
    /// Sequence gaps inside the replayed frames: the capture loop's device gaps less the recorded number of the first
    /// frame (the loop expects 0 first, so frames before the window or the recording's start would count as gaps).
    /// </summary>
    private static long GapsInReplay(CameraCountersSnapshot counters, ReplayCameraSource camera) =>
        Math.Max(0, counters.DeviceGaps - Math.Max(0, camera.FirstSequence));

    private string AtS(long tickNs) => ((tickNs - FirstRecordedTickNs) / 1e9).ToString("0.00", CultureInfo.InvariantCulture);

    private string WallMs(long driveNs) => (driveNs / Speed / 1e6).ToString("0.0", CultureInfo.InvariantCulture);
}
