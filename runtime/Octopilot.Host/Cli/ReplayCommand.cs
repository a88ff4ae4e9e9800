using System.CommandLine;
using System.Globalization;
using Octopilot.Cameras;
using Octopilot.DriveLog.Reading;
using Octopilot.Host.Replay;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;

namespace Octopilot.Host.Cli;

/// <summary>
/// `octopilot replay DIR [--compare] [--speed X] [--from S] [--to S] [--planner-only] [--model FILE] [--realtime]`:
/// a recorded drive through the same perception, world model and planner. Two modes:
/// <list type="bullet">
/// <item>deterministic (default): on one thread, ordered by the log's timestamps, as fast as possible or paced by
/// `--speed`; `--compare` exits 1 at the first command that differs from the recorded one, printing the tick, its
/// time and both values;</item>
/// <item>real time (`--realtime`): the live pipeline (eight capture threads on replay cameras, the inference thread, the
/// planner's tick thread) on the drive's clock at `--speed` times real time (default 1); the summary compares the
/// command stream approximately. `--compare` and `--planner-only` need the deterministic mode (exit 2).</item>
/// </list>
/// </summary>
internal static class ReplayCommand
{
    public static Command Build(TextWriter output, TextWriter error)
    {
        var folder = new Argument<string>("drive") { Description = "The drive folder (written by 'octopilot sim --record DIR')" };
        var compare = new Option<bool>("--compare") { Description = "Check every recomputed command against the recorded one; exit 1 at the first divergence" };
        var speed = new Option<double?>("--speed") { Description = "Pace the replay at this multiple of real time (default: as fast as possible; with --realtime: 1)" };
        var realtime = new Option<bool>("--realtime")
        {
            Description = "Replay through the live pipeline (capture threads on replay cameras, inference thread, planner tick) in real time at --speed; approximate, not bit-exact",
        };
        var from = new Option<double?>("--from")
        {
            Description = "Compare from this many seconds after the drive's first tick (state is still rebuilt from the start; with --realtime the replay starts there, with fresh state)",
        };
        var to = new Option<double?>("--to") { Description = "Stop this many seconds after the drive's first tick" };
        var plannerOnly = new Option<bool>("--planner-only") { Description = "Feed the planner the recorded world models instead of recomputing perception from the frames" };
        var model = new Option<string?>("--model") { Description = "Run this HydraNet instead of the recorded one (a drive recorded with --perception model)" };
        var command = new Command(
            "replay",
            "Replay a recorded drive through perception, world model and planner: deterministically (--compare checks it bit for bit), or through the live pipeline in real time (--realtime)")
        {
            folder, compare, speed, from, to, plannerOnly, model, realtime,
        };
        command.SetAction(parse =>
        {
            try
            {
                var options = new ReplayOptions
                {
                    DriveFolder = parse.GetValue(folder)!,
                    StopAtFirstDivergence = parse.GetValue(compare),
                    Speed = Positive(parse.GetValue(speed), "--speed"),
                    FromS = NonNegative(parse.GetValue(from), "--from"),
                    ToS = NonNegative(parse.GetValue(to), "--to"),
                    PlannerOnly = parse.GetValue(plannerOnly),
                    ModelPath = parse.GetValue(model),
                    BaseDirectory = AppContext.BaseDirectory,
                };
                if (options.FromS is double f && options.ToS is double t && t <= f)
                {
                    throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"--to ({t} s) must be after --from ({f} s)"));
                }

                return parse.GetValue(realtime) ? RunRealtime(options, output) : Run(options, parse.GetValue(compare), output);
            }
            catch (Exception e) when (e is UsageException or DriveLogException or ReplayException or PayloadException or InferenceStartupException or ModelContractException or ModelLoadException or Core.Configuration.ConfigException or CameraException)
            {
                error.WriteLine($"octopilot replay: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return command;
    }

    private static int Run(ReplayOptions options, bool compare, TextWriter output)
    {
        using DriveReplayer replayer = DriveReplayer.Open(options, output);
        DriveTimeline timeline = replayer.Timeline;
        CultureInfo c = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(c,
            $"octopilot replay: drive {timeline.Info.DriveId} ({timeline.Info.Properties.GetValueOrDefault(ReplayProperties.ScenarioFile, "?")}), {timeline.Commands.Count} ticks, {timeline.FrameSets.Count} frame sets, {timeline.CameraFrames} frames; perception: {(options.PlannerOnly ? "recorded world models" : replayer.Perception)}; {(options.Speed is double s ? $"paced at {s:0.##}x real time" : "as fast as possible")}"));
        bool interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
        var bar = new ProgressBar(output, interactive);
        ReplayResult result = replayer.Run(bar.Report);
        bar.Finish();
        ReplaySummaryWriter.Write(result, compare, output);
        return compare && !result.Identical ? ExitCodes.Failed : ExitCodes.Ok;
    }

    private static int RunRealtime(ReplayOptions options, TextWriter output)
    {
        if (options.StopAtFirstDivergence)
        {
            throw new UsageException(
                "--compare needs the deterministic replay: a bit-exact comparison cannot hold when thread timing forms the frame sets; drop --realtime to compare, or --compare to replay in real time");
        }

        if (options.PlannerOnly)
        {
            throw new UsageException("--planner-only replays the recorded world models on one thread; --realtime replays the cameras through the live pipeline: pick one");
        }

        var realtime = new RealtimeReplayOptions
        {
            DriveFolder = options.DriveFolder,
            Speed = options.Speed ?? 1.0,
            FromS = options.FromS,
            ToS = options.ToS,
            ModelPath = options.ModelPath,
            BaseDirectory = options.BaseDirectory,
        };
        return CtrlC.Run(token => new RealtimeReplayRunner(realtime, output).Run(token));
    }

    private static double? Positive(double? value, string option) =>
        value is double v && (!double.IsFinite(v) || v <= 0 || v > 1000)
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be in (0, 1000] (got {v})"))
            : value;

    private static double? NonNegative(double? value, string option) =>
        value is double v && (!double.IsFinite(v) || v < 0)
            ? throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be a time in seconds ≥ 0 (got {v})"))
            : value;
}
