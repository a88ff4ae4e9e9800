using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using Octopilot.Core.Calibration;
using Octopilot.DriveLog.Format;
using Octopilot.DriveLog.Recording;
using Octopilot.Host.Sim;
using Octopilot.Inference.Engine;
using Octopilot.Replay.Codecs;
using Octopilot.Replay.Playback;
using Octopilot.Replay.Recording;

namespace Octopilot.Host.Recording;

/// <summary>
/// `octopilot sim --record DIR`: the drive recorder of a live sim run. Builds the segment header (settings, the
/// effective rig, the model's SHA-256, the streams, and the facts replay needs: perception, its stride and classes,
/// the scenario text, the sim's start time), starts the recorder thread and exposes the taps the run's threads write
/// through. Owned by the runner; <see cref="Dispose"/> drains, syncs and closes the drive.
/// </summary>
internal sealed class SimDriveRecorder : IDisposable
{
    private readonly DriveRecorder _recorder;

    private SimDriveRecorder(DriveRecorder recorder, DriveRecording taps, string folder)
    {
        _recorder = recorder;
        Taps = taps;
        Folder = folder;
    }

    public DriveRecording Taps { get; }

    public string Folder { get; }

    public static SimDriveRecorder Start(
        DriveRecordingOptions options, SimSettings settings, CameraRig rig, SimWorldModel worldModel, long simStartNs, long setDeadlineNs)
    {
        int cameras = rig.Count;
        IReadOnlyList<int> decimation = ExpandDecimation(options.Decimation, cameras);
        var streams = new List<StreamInfo>();
        for (int c = 0; c < cameras; c++)
        {
            streams.Add(new StreamInfo
            {
                Type = RecordType.CameraFrame, StreamId = (ushort)c, Name = rig[c].Name,
                WidthPx = settings.Mode.WidthPx, HeightPx = settings.Mode.HeightPx, Decimation = decimation[c],
            });
        }

        streams.Add(new StreamInfo { Type = RecordType.FrameSet, StreamId = DriveRecording.InferenceStreamId, Name = "inference" });
        streams.Add(new StreamInfo { Type = RecordType.WorldModel, StreamId = DriveRecording.InferenceStreamId, Name = "inference" });
        streams.Add(new StreamInfo { Type = RecordType.PlannerTick, StreamId = DriveRecording.PlannerStreamId, Name = "planner-tick", PayloadBytes = PlannerTickCodec.SizeBytes });
        streams.Add(new StreamInfo { Type = RecordType.ControlCommand, StreamId = DriveRecording.PlannerStreamId, Name = "planner-tick", PayloadBytes = ControlCommandCodec.SizeBytes });
        streams.Add(new StreamInfo { Type = RecordType.Event, StreamId = DriveRecording.PlannerStreamId, Name = "planner-tick" });
        streams.Add(new StreamInfo { Type = RecordType.VehicleState, StreamId = DriveRecording.VehicleStreamId, Name = "vehicle", PayloadBytes = VehicleStateCodec.SizeBytes });

        string? modelPath = settings.Inference?.ModelPath;
        var properties = new Dictionary<string, string>
        {
            [ReplayProperties.Mode] = "sim",
            [ReplayProperties.Perception] = worldModel.Perception == CameraPath.PerceptionSource.Model ? "model" : "oracle",
            [ReplayProperties.PerceptionStride] = ReplayProperties.Format(worldModel.Stride),
            [ReplayProperties.ClassNames] = string.Join(',', worldModel.ClassNames),
            [ReplayProperties.MaxDetections] = ReplayProperties.Format(worldModel.MaxDetections),
            [ReplayProperties.ScenarioFile] = Path.GetFileName(settings.ScenarioFile),
            [ReplayProperties.Scenario] = File.ReadAllText(settings.ScenarioFile),
            [ReplayProperties.SimStartNs] = ReplayProperties.Format(simStartNs),
            [ReplayProperties.SyncToleranceNs] = ReplayProperties.Format((long)Math.Round(settings.SyncToleranceMs * 1e6)),
            [ReplayProperties.SetDeadlineNs] = ReplayProperties.Format(setDeadlineNs),
            [ReplayProperties.FramesPerSecond] = ReplayProperties.Format(settings.Mode.FramesPerSecond),
        };
        if (modelPath is not null)
        {
            properties[ReplayProperties.ModelPath] = Path.GetFullPath(modelPath);
        }

        if (settings.Inference is InferenceOptions inference)
        {
            foreach ((string name, string value) in RecordedInferenceOptions.PropertiesOf(inference))
            {
                properties[name] = value; // a model replay runs the engine as the drive did
            }
        }

        var template = new SegmentInfo
        {
            DriveId = string.Create(CultureInfo.InvariantCulture, $"{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}"),
            SegmentIndex = 0,
            SoftwareVersion = SoftwareVersion(),
            CreatedUtc = DateTime.UtcNow.ToString("O", CultureInfo.InvariantCulture),
            StartTimestampNs = simStartNs,
            SegmentLengthS = options.SegmentLengthS,
            ModelSha256 = modelPath is null ? string.Empty : Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(modelPath))),
            Config = File.ReadAllText(settings.SettingsFile),
            Rig = RigFileWriter.ToJson(rig, "the rig of the recorded drive"),
            Streams = streams,
            Properties = properties,
        };
        DriveRecorder recorder;
        try
        {
            recorder = new DriveRecorder(new RecorderOptions
            {
                DriveFolder = options.Folder,
                SegmentTemplate = template,
                SegmentLengthS = options.SegmentLengthS,
                Fsync = options.Fsync,
            });
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Before any thread starts: a usage error (exit 2), not a failure of the run.
            throw new Cli.UsageException($"--record {options.Folder}: {e.Message}");
        }

        var taps = new DriveRecording(recorder, cameras, settings.Mode.WidthPx, settings.Mode.HeightPx, decimation);
        return new SimDriveRecorder(recorder, taps, options.Folder);
    }

    /// <summary>Stops the recorder (drains, syncs, closes) and returns what it wrote, for the summary.</summary>
    public RecorderStatistics Finish()
    {
        _recorder.Stop();
        var statistics = new RecorderStatistics();
        _recorder.ReadStatistics(statistics);
        return statistics;
    }

    public void Dispose() => _recorder.Dispose();

    private static IReadOnlyList<int> ExpandDecimation(IReadOnlyList<int> given, int cameras)
    {
        if (given.Count == 0)
        {
            return Enumerable.Repeat(1, cameras).ToArray();
        }

        if (given.Count == 1)
        {
            return Enumerable.Repeat(given[0], cameras).ToArray();
        }

        if (given.Count != cameras)
        {
            throw new Cli.UsageException($"--record-decimation lists {given.Count} values; give one for every camera ({cameras}) or a single value for all");
        }

        return given;
    }

    private static string SoftwareVersion() =>
        typeof(SimDriveRecorder).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";
}
