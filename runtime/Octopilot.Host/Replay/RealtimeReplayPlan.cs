using System.Globalization;
using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;
using Octopilot.DriveLog.Format;
using Octopilot.Planner.Tick;
using Octopilot.Replay.Playback;

namespace Octopilot.Host.Replay;

/// <summary>What a drive's header and timeline say the replay needs, checked before any thread starts.</summary>
internal sealed record RealtimeReplayPlan
{
    /// <summary>Drive time the run goes on after the last replayed tick: the last set's deadline and a few ticks, so the end is not cut.</summary>
    public const long EndTailNs = 100_000_000;

    public required string Perception { get; init; }

    public required CameraRig Rig { get; init; }

    public required CameraMode Mode { get; init; }

    public required HighwayWorld World { get; init; }

    public required long SimStartNs { get; init; }

    public required int Stride { get; init; }

    public required IReadOnlyList<string> ClassNames { get; init; }

    public required int MaxDetections { get; init; }

    public required long SyncToleranceNs { get; init; }

    public required long SetDeadlineNs { get; init; }

    /// <summary>The drive's first recorded tick, ns: --from and --to count from it.</summary>
    public required long FirstRecordedTickNs { get; init; }

    /// <summary>The first recorded tick in the window, ns (its wake time: deadline plus the recorded lateness).</summary>
    public required long FirstTickNs { get; init; }

    /// <summary>
    /// The live tick loop's first deadline: the recorded deadline of <see cref="FirstTickNs"/>, estimated from the
    /// recorded wake times, so live tick k wakes where recorded tick k was due rather than where it woke late.
    /// </summary>
    public required long FirstTickDeadlineNs { get; init; }

    /// <summary>Drive time the replay starts at (first frame or tick in the window), ns: due StartLeadNs after the start.</summary>
    public required long StartNs { get; init; }

    /// <summary>The last recorded tick in the window, ns.</summary>
    public required long LastTickNs { get; init; }

    /// <summary>Drive time the replay ends at, ns (last tick in the window + <see cref="EndTailNs"/>).</summary>
    public required long EndNs { get; init; }

    /// <summary>Window, drive ns: [FromNs, ToNs).</summary>
    public required long FromNs { get; init; }

    public required long ToNs { get; init; }

    public static RealtimeReplayPlan From(DriveTimeline timeline, RealtimeReplayOptions options)
    {
        SegmentInfo info = timeline.Info;
        string perception = ReplayProperties.Require(info, ReplayProperties.Perception);
        if (perception is not ("oracle" or "model"))
        {
            throw new ReplayException($"drive {info.DriveId}: perception '{perception}' is not one this build replays (oracle, model)");
        }

        if (timeline.Commands.Count == 0)
        {
            throw new ReplayException($"drive {info.DriveId}: the drive holds no planner ticks; a real-time replay has nothing to pace or compare");
        }

        StreamInfo[] streams = info.Streams.Where(s => s.Type == RecordType.CameraFrame).OrderBy(s => s.StreamId).ToArray();
        CameraRig rig = RigFile.LoadText($"{info.DriveId}: recorded rig", info.Rig);
        if (streams.Length == 0 || rig.Count != streams.Length)
        {
            throw new ReplayException($"drive {info.DriveId}: the recorded rig has {rig.Count} cameras but the drive has {streams.Length} camera streams");
        }

        if (streams.Any(s => s.WidthPx != streams[0].WidthPx || s.HeightPx != streams[0].HeightPx))
        {
            throw new ReplayException(
                $"drive {info.DriveId}: camera streams have different frame sizes ({string.Join(", ", streams.Select(s => $"{s.Name} {s.WidthPx}x{s.HeightPx}"))}); real-time replay runs one batch group");
        }

        double fps = ReplayProperties.RequireDouble(info, ReplayProperties.FramesPerSecond);
        long firstRecordedTickNs = timeline.Commands[0].Tick.NowNs;
        long lastTickNs = timeline.Commands[^1].Tick.NowNs;
        long fromNs = options.FromS is double from ? firstRecordedTickNs + TimeUnits.SecondsToNs(from) : long.MinValue;
        long toNs = options.ToS is double to ? firstRecordedTickNs + TimeUnits.SecondsToNs(to) : long.MaxValue;
        RecordedCommand? firstTick = timeline.Commands.FirstOrDefault(t => t.Tick.NowNs >= fromNs && t.Tick.NowNs < toNs)
            ?? throw new ReplayException(string.Create(CultureInfo.InvariantCulture,
                $"drive {info.DriveId}: no recorded tick lies in the window [{options.FromS ?? 0} s, {(options.ToS is double t ? $"{t} s" : "end")}) (--from/--to count from the first tick); the drive's ticks span {TimeUnits.NsToSeconds(lastTickNs - firstRecordedTickNs):0.00} s"));
        RecordedCommand lastTick = timeline.Commands.Last(t => t.Tick.NowNs >= fromNs && t.Tick.NowNs < toNs);
        long firstFrameNs = timeline.FrameSets
            .SelectMany(set => Enumerable.Range(0, set.CameraCount).Where(c => (set.ArrivedMask & (1u << c)) != 0).Select(c => set.StartOfFrameNs[c]))
            .Where(sof => sof >= fromNs && sof < toNs)
            .DefaultIfEmpty(firstTick.Tick.NowNs)
            .Min();
        string scenarioName = info.Properties.GetValueOrDefault(ReplayProperties.ScenarioFile, "recorded scenario");
        return new RealtimeReplayPlan
        {
            Perception = perception,
            Rig = rig,
            Mode = new CameraMode(streams[0].WidthPx, streams[0].HeightPx, PixelFormat.Rgb24, fps),
            World = new HighwayWorld(ScenarioFile.LoadText(scenarioName, ReplayProperties.Require(info, ReplayProperties.Scenario))),
            SimStartNs = ReplayProperties.RequireInt64(info, ReplayProperties.SimStartNs),
            Stride = (int)ReplayProperties.RequireInt64(info, ReplayProperties.PerceptionStride),
            ClassNames = ReplayProperties.Require(info, ReplayProperties.ClassNames).Split(','),
            MaxDetections = (int)ReplayProperties.RequireInt64(info, ReplayProperties.MaxDetections),
            SyncToleranceNs = ReplayProperties.RequireInt64(info, ReplayProperties.SyncToleranceNs),
            SetDeadlineNs = ReplayProperties.RequireInt64(info, ReplayProperties.SetDeadlineNs),
            FirstRecordedTickNs = firstRecordedTickNs,
            FirstTickNs = firstTick.Tick.NowNs,
            FirstTickDeadlineNs = EstimateDeadline(timeline.Commands, timeline.Commands.IndexOf(firstTick), new TickLoopOptions().PeriodNs),
            StartNs = Math.Min(firstFrameNs, firstTick.Tick.NowNs),
            LastTickNs = lastTick.Tick.NowNs,
            EndNs = lastTick.Tick.NowNs + EndTailNs,
            FromNs = fromNs,
            ToNs = toNs,
        };
    }

    /// <summary>Ticks looked at to estimate the recorded tick grid: 2 s at 100 Hz, plenty of ticks that woke on time.</summary>
    private const int GridEstimateTicks = 200;

    /// <summary>Wake times within this of a deadline count as on time when the grid is estimated: a typical wake-up latency.</summary>
    private const long OnTimeWindowNs = 1_000_000;

    /// <summary>
    /// Recorded tick i woke at deadline_i + lateness_i, deadlines one period apart; most ticks wake within a fraction
    /// of a millisecond. So the wake times' phases within the period cluster just after the grid's phase: the phase
    /// that starts the densest <see cref="OnTimeWindowNs"/> of phases is taken as the grid's, and the first tick's
    /// deadline is its wake time less its lateness on that grid. (The first tick of a run is often the latest one, so
    /// its own wake time is a poor deadline.)
    /// </summary>
    private static long EstimateDeadline(List<RecordedCommand> ticks, int first, long periodNs)
    {
        long firstNs = ticks[first].Tick.NowNs;
        int count = Math.Min(GridEstimateTicks, ticks.Count - first);
        var phases = new long[count];
        for (int i = 0; i < count; i++)
        {
            phases[i] = Mod(ticks[first + i].Tick.NowNs - firstNs, periodNs);
        }

        long gridPhaseNs = 0;
        int best = -1;
        foreach (long candidate in phases)
        {
            int onTime = phases.Count(p => Mod(p - candidate, periodNs) < OnTimeWindowNs);
            if (onTime > best)
            {
                best = onTime;
                gridPhaseNs = candidate;
            }
        }

        return firstNs - Mod(-gridPhaseNs, periodNs);
    }

    private static long Mod(long value, long modulus) => ((value % modulus) + modulus) % modulus;
}
