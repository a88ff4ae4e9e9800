using System.Globalization;
using System.Text;
using Octopilot.Core.Statistics;
using Octopilot.Core.Threading;
using Octopilot.Core.Time;
using Octopilot.Host.Sim;
using Octopilot.Pipeline;
using Octopilot.Pipeline.Capture;
using Octopilot.Pipeline.Stats;
using Octopilot.Planner.Inputs;
using Octopilot.Planner.Outputs;
using Octopilot.Replay.Playback.Realtime;

namespace Octopilot.Host.Replay;

/// <summary>
/// The reporter of a real-time replay, on the calling thread: one status line per wall interval (drive and wall time,
/// frames replayed, sets, drops, end-to-end latency in wall ms, world model, planner command) and the capture faults
/// posted since the last line. The only thread of the run that allocates (the lines' strings).
/// </summary>
internal sealed class RealtimeReplayReporter
{
    /// <summary>Fault lines printed per status interval at most, so a failing camera cannot flood the terminal.</summary>
    private const int MaxFaultLinesPerInterval = 5;

    private readonly TextWriter _output;
    private readonly FramePipeline _pipeline;
    private readonly ReplayCameraSource[] _cameras;
    private readonly DriveTimeClock _clock;
    private readonly LatestValueMailbox<WorldModelSnapshot> _world;
    private readonly LatestValueMailbox<PlannerOutput> _commands;
    private readonly string _perception;

    public RealtimeReplayReporter(
        TextWriter output, FramePipeline pipeline, ReplayCameraSource[] cameras, DriveTimeClock clock, LatestValueMailbox<WorldModelSnapshot> world,
        LatestValueMailbox<PlannerOutput> commands, string perception)
    {
        _output = output;
        _pipeline = pipeline;
        _cameras = cameras;
        _clock = clock;
        _world = world;
        _commands = commands;
        _perception = perception;
    }

    /// <summary>Reports every <paramref name="intervalS"/> wall seconds until drive time <paramref name="endNs"/> or cancellation.</summary>
    /// <param name="onInterval">Called after each status line with the pipeline's counters and the fraction of the window done (the bench's sampler).</param>
    public void ReportUntil(
        long startNs, long endNs, double intervalS, SetLatencyMeter latency, CancellationToken cancellationToken,
        Action<PipelineStatistics, double>? onInterval = null)
    {
        IClock wall = MonotonicClock.Instance;
        long intervalNs = TimeUnits.SecondsToNs(intervalS);
        long wallEndNs = _clock.ToWallNs(endNs);
        long nextNs = _clock.WallOriginNs + intervalNs;
        var statistics = new PipelineStatistics(_pipeline.CameraCount);
        var endToEnd = new LogHistogram();
        while (wall.SleepUntil(Math.Min(nextNs, wallEndNs), cancellationToken))
        {
            long nowNs = wall.NowNs;
            _pipeline.ReadStatistics(statistics);
            latency.CopyTo(endToEnd);
            _output.WriteLine(Line(startNs, nowNs, statistics, endToEnd));
            ReportFaults(startNs);
            onInterval?.Invoke(statistics, Math.Clamp((_clock.NowNs - startNs) / (double)Math.Max(1, endNs - startNs), 0, 1));
            if (nowNs >= wallEndNs)
            {
                break;
            }

            nextNs += intervalNs;
        }
    }

    private string Line(long startNs, long wallNowNs, PipelineStatistics s, LogHistogram endToEnd)
    {
        CultureInfo c = CultureInfo.InvariantCulture;
        var line = new StringBuilder(200);
        long delivered = 0, skippedLate = 0, corrupt = 0;
        foreach (ReplayCameraSource camera in _cameras)
        {
            delivered += camera.FramesDelivered;
            skippedLate += camera.FramesSkippedLate;
            corrupt += camera.FramesCorrupt;
        }

        long dropped = 0, late = 0;
        foreach (CameraCountersSnapshot k in s.Cameras)
        {
            dropped += k.Dropped;
            late += k.Late;
        }

        line.Append(c, $"[drive {TimeUnits.NsToSeconds(_clock.ToDriveNs(wallNowNs) - startNs),6:0.0} s | wall {TimeUnits.NsToSeconds(wallNowNs - _clock.WallOriginNs),6:0.0} s]");
        line.Append(c, $" frames {delivered} | sets {s.SetsShipped} ({s.SetsIncomplete} incomplete, {s.SetsDropped} dropped)");
        line.Append(c, $" | drop {dropped} late-skip {skippedLate} late {late} corrupt {corrupt}");
        line.Append(c, $" | e2e p99 {_clock.DriveToWallNs(endToEnd.PercentileNs(99)) / 1e6:0.0} ms");
        line.Append(_world.TryRead(out WorldModelSnapshot w, out _)
            ? string.Create(c, $" | {_perception}: lanes {w.LaneCount} tracks {w.Objects.Count}")
            : " | world model: none yet");
        if (_commands.TryRead(out PlannerOutput p, out _))
        {
            line.Append(c, $" | planner {p.Mode} {p.TargetAccelMps2:+0.00;-0.00;0.00} m/s²");
            if (p.LeadId >= 0)
            {
                line.Append(c, $" lead #{p.LeadId} {p.LeadGapM:0} m");
            }

            if (p.TakeoverRequested)
            {
                line.Append(c, $" TAKEOVER {p.TakeoverReason}");
            }
        }

        return line.ToString();
    }

    private void ReportFaults(long startNs)
    {
        int shown = 0, more = 0;
        while (_pipeline.Faults.TryRead(out CaptureFault fault))
        {
            if (shown == MaxFaultLinesPerInterval)
            {
                more++;
                continue;
            }

            shown++;
            string sequence = fault.Sequence >= 0 ? string.Create(CultureInfo.InvariantCulture, $", frame {fault.Sequence}") : string.Empty;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fault: camera {_pipeline.Assembler.Counters[fault.Camera].CameraName}: {fault.Status} at drive {TimeUnits.NsToSeconds(fault.TimeNs - startNs):0.000} s{sequence}"));
        }

        if (more > 0)
        {
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: (+{more} more this interval; see the summary)"));
        }
    }
}
