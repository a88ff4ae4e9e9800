using Octopilot.DriveLog.Recording;
using Octopilot.DriveLog.Reading;
using Octopilot.Host.Recording;
using System.CommandLine;
using System.Globalization;
using Octopilot.Cameras;
using Octopilot.Core.Configuration;
using Octopilot.CameraPath;
using Octopilot.Host.ClosedLoop;
using Octopilot.Host.Sim;
using Octopilot.Inference.Contract;
using Octopilot.Inference.Engine;

namespace Octopilot.Host.Cli;

/// <summary>`octopilot sim`: options, validation and the hand-off to <see cref="SimRunner"/>.</summary>
internal static class SimCommand
{
    /// <summary>Longest run accepted: a day. Longer soak tests are runs of the service, not the demo.</summary>
    private const double MaxDurationS = 86_400;

    public static Command Build(TextWriter output, TextWriter error)
    {
        var duration = new Option<double>("--duration", "-d")
        {
            Description = "Seconds to run (sim time = wall time)",
            DefaultValueFactory = _ => 10,
        };
        var config = new Option<string>("--config")
        {
            Description = "Sim settings file (rig, scenario, capture mode, pipeline)",
            DefaultValueFactory = _ => DefaultSettingsPath,
        };
        var rig = new Option<string?>("--rig") { Description = "Rig file overriding the one in the settings" };
        var scenario = new Option<string?>("--scenario")
        {
            Description = "Scenario overriding the settings': a camera scene (live pipeline) or a planner scenario (closed loop through the cameras, judged)",
        };
        var snapshot = new Option<string?>("--snapshot") { Description = "Directory to write cameras.png and labels.png into" };
        var snapshotAt = new Option<double>("--snapshot-at")
        {
            Description = "Sim time in seconds of the snapshot set (capped at half the duration)",
            DefaultValueFactory = _ => 2,
        };
        var statusInterval = new Option<double>("--status-interval")
        {
            Description = "Seconds between status lines",
            DefaultValueFactory = _ => 1,
        };
        var strict = new Option<bool>("--strict") { Description = "Exit 1 if any frame was dropped, late or failed, or steady state allocated" };
        var model = new Option<string?>("--model") { Description = "HydraNet .onnx overriding the settings' model" };
        var manifest = new Option<string?>("--manifest") { Description = "Model manifest: run --model (a foreign ONNX net) as it describes (onnx/README.md)" };
        var providers = new Option<string?>("--provider")
        {
            Description = "Execution providers to try in order, comma-separated: tensorrt,cuda,cpu (default: the settings', else cpu)",
        };
        var requireProvider = new Option<string?>("--require-provider")
        {
            Description = "Fail at start-up unless the session runs on this provider (instead of falling back)",
        };
        var noInference = new Option<bool>("--no-inference") { Description = "Capture only: do not run the model" };
        var perception = new Option<string?>("--perception")
        {
            Description = "Which perception feeds the BEV and the planner: model (the HydraNet: camera pixels in) or oracle (ground-truth label maps; the HydraNet runs in shadow) [default: model, oracle with --no-inference or no model in the settings]",
        };
        perception.AcceptOnlyFromAmong("oracle", "model");
        var bevSnapshot = new Option<string?>("--bev-snapshot") { Description = "Directory to write BEV pictures into (what the car believes)" };
        var bevInterval = new Option<double>("--bev-snapshot-interval")
        {
            Description = "Sim seconds between BEV pictures",
            DefaultValueFactory = _ => 1,
        };

        var record = new Option<string?>("--record") { Description = "Record the drive into this folder (segments of checksummed records; replay it with 'octopilot replay')" };
        var recordSegment = new Option<double>("--record-segment-length")
        {
            Description = "Seconds of drive per segment file",
            DefaultValueFactory = _ => RecorderOptions.DefaultSegmentLengthS,
        };
        var recordDecimation = new Option<string?>("--record-decimation")
        {
            Description = "Record one frame set in N: one N for all cameras, or a comma list per camera in rig order (default 1: every frame)",
        };
        var recordFsync = new Option<string>("--record-fsync")
        {
            Description = "When recorded bytes are forced to disk: interval (every second and at segment close), rotation (at segment close), none",
            DefaultValueFactory = _ => "interval",
        };
        recordFsync.AcceptOnlyFromAmong("interval", "rotation", "none");

        var command = new Command("sim", "Run the eight synthetic cameras through the frame pipeline with live status and a summary")
        {
            duration, config, rig, scenario, snapshot, snapshotAt, statusInterval, strict, model, manifest, providers, requireProvider, noInference,
            perception, bevSnapshot, bevInterval, record, recordSegment, recordDecimation, recordFsync,
        };
        command.SetAction(parse =>
        {
            try
            {
                double durationS = RequireRange(parse.GetValue(duration), "--duration", 0.1, MaxDurationS);
                SimSettings settings = SimSettingsFile.Load(RequireFile(parse.GetValue(config)!, "--config"));
                if (parse.GetValue(rig) is string rigPath)
                {
                    settings = settings with { RigFile = RequireFile(rigPath, "--rig") };
                }

                if (parse.GetValue(scenario) is string scenarioPath)
                {
                    settings = settings with { ScenarioFile = RequireFile(scenarioPath, "--scenario") };
                }

                settings = InferenceOverrides.Apply(
                    settings, parse.GetValue(model), parse.GetValue(providers), parse.GetValue(requireProvider), parse.GetValue(noInference), parse.GetValue(manifest));
                PerceptionSource perceptionSource = DefaultPerception.Resolve(parse.GetValue(perception), settings);
                double bevIntervalS = RequireRange(parse.GetValue(bevInterval), "--bev-snapshot-interval", 0.05, 3600);
                if (ScenarioFileKind.IsPlannerScenario(settings.ScenarioFile))
                {
                    var closedLoop = new ClosedLoopRunOptions
                    {
                        Perception = perceptionSource,
                        StatusIntervalS = RequireRange(parse.GetValue(statusInterval), "--status-interval", 0.1, 3600),
                        BevSnapshotDirectory = parse.GetValue(bevSnapshot),
                        BevSnapshotIntervalS = bevIntervalS,
                    };
                    return new ClosedLoopSimRunner(settings, closedLoop, output).Run();
                }

                var run = new SimRunOptions
                {
                    DurationS = durationS,
                    SnapshotDirectory = parse.GetValue(snapshot),
                    SnapshotAtS = RequireRange(parse.GetValue(snapshotAt), "--snapshot-at", 0, MaxDurationS),
                    StatusIntervalS = RequireRange(parse.GetValue(statusInterval), "--status-interval", 0.1, 3600),
                    Strict = parse.GetValue(strict),
                    Perception = perceptionSource,
                    BevSnapshotDirectory = parse.GetValue(bevSnapshot),
                    BevSnapshotIntervalS = bevIntervalS,
                    Recording = parse.GetValue(record) is string recordFolder
                        ? new DriveRecordingOptions
                        {
                            Folder = recordFolder,
                            SegmentLengthS = RequireRange(parse.GetValue(recordSegment), "--record-segment-length", 1, RecorderOptions.MaxSegmentLengthS),
                            Decimation = ParseDecimation(parse.GetValue(recordDecimation)),
                            Fsync = parse.GetValue(recordFsync) switch
                            {
                                "none" => FsyncPolicy.None,
                                "rotation" => FsyncPolicy.OnRotation,
                                _ => FsyncPolicy.Interval,
                            },
                        }
                        : null,
                };
                if (run.Recording is not null && settings.Inference?.ManifestPath is not null)
                {
                    throw new UsageException("--record with --manifest: replay runs contract HydraNets only (a drive records its model, not a manifest); record with a contract model or without --record");
                }

                if (run.Recording is not null && ScenarioFileKind.IsPlannerScenario(settings.ScenarioFile))
                {
                    throw new UsageException("--record records the live sim; planner scenarios (closed loop through the cameras) are not recorded yet");
                }

                return CtrlC.Run(token => new SimRunner(settings, run, output).Run(token));
            }
            catch (Exception e) when (e is DriveLogException or ConfigException or CameraException or UsageException or ArgumentException or InferenceStartupException or ModelContractException or ModelLoadException)
            {
                error.WriteLine($"octopilot sim: {e.Message}");
                return ExitCodes.ConfigurationError;
            }
        });
        return command;
    }

    /// <summary>The settings file shipped next to the binary.</summary>
    public static string DefaultSettingsPath => Path.Combine(AppContext.BaseDirectory, "runtime", "config", "sim-default.json");

    private static int[] ParseDecimation(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        string[] parts = text.Split(',', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1 || values[i] > 1000)
            {
                throw new UsageException($"--record-decimation: '{parts[i]}' (item {i + 1}) must be a whole number in 1..1000 (1 records every frame set)");
            }
        }

        return values;
    }

    private static double RequireRange(double value, string option, double min, double max)
    {
        if (!double.IsFinite(value) || value < min || value > max)
        {
            throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{option}: must be in {min}..{max} (got {value})"));
        }

        return value;
    }

    private static string RequireFile(string path, string option)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"{option}: no such file: {Path.GetFullPath(path)}");
        }

        return path;
    }
}
