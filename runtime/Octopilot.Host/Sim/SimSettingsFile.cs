using System.Globalization;
using Octopilot.Core.Configuration;
using Octopilot.Core.Frames;

namespace Octopilot.Host.Sim;

/// <summary>
/// Reads a sim settings file (JSON). Paths inside it are relative to the file. Every broken rule is a
/// <see cref="ConfigException"/> naming file, field and rule.
/// </summary>
public static class SimSettingsFile
{
    public static SimSettings Load(string path)
    {
        JsonConfigNode root = JsonConfigNode.ParseFile(path);
        root.RejectUnknownKeys("description", "rig", "scenario", "cameras", "videoFiles", "mode", "pipeline", "cameraPhaseSpreadMs", "inference");
        string directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";

        JsonConfigNode mode = root.Child("mode");
        mode.RejectUnknownKeys("widthPx", "heightPx", "framesPerSecond");
        int width = (int)mode.NumberWhere("widthPx", v => v >= 16 && v <= CameraMode.MaxSidePx && v % 2 == 0, $"must be an even whole number of pixels in 16..{CameraMode.MaxSidePx}");
        int height = (int)mode.NumberWhere("heightPx", v => v >= 16 && v <= CameraMode.MaxSidePx && v % 2 == 0, $"must be an even whole number of pixels in 16..{CameraMode.MaxSidePx}");
        double fps = mode.NumberWhere("framesPerSecond", v => v > 0 && v <= CameraMode.MaxFramesPerSecond, $"must be in (0, {CameraMode.MaxFramesPerSecond}] frames per second");

        var settings = new SimSettings
        {
            SettingsFile = path,
            RigFile = ResolvePath(root, "rig", directory),
            ScenarioFile = ResolvePath(root, "scenario", directory),
            Mode = new CameraMode(width, height, PixelFormat.Rgb24, fps),
            CameraPhaseSpreadMs = root.NumberWhere("cameraPhaseSpreadMs", 1.0, v => v >= 0 && v <= 10, "must be in 0..10 ms"),
        };

        if (root.OptionalChild("cameras") is JsonConfigNode cameras)
        {
            string[] names = cameras.Items().Select(n => n.AsString()).ToArray();
            if (names.Length == 0 || names.Distinct(StringComparer.Ordinal).Count() != names.Length)
            {
                throw cameras.Error("must list one or more distinct camera names of the rig", string.Join(", ", names));
            }

            settings = settings with { CameraNames = names };
        }

        if (root.OptionalChild("videoFiles") is JsonConfigNode videos)
        {
            // { "main_forward": "clip.mp4", ... }: camera names are checked against the rig when the sim builds its cameras.
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (System.Text.Json.JsonProperty camera in videos.Element.EnumerateObject())
            {
                files[camera.Name] = ResolvePath(videos, camera.Name, directory);
            }

            settings = settings with { VideoFiles = files };
        }

        if (root.OptionalChild("pipeline") is JsonConfigNode pipeline)
        {
            pipeline.RejectUnknownKeys("slabCount", "syncToleranceMs", "setDeadlineMs");
            double periodMs = 1000.0 / fps;
            settings = settings with
            {
                SlabCount = (int)pipeline.NumberWhere("slabCount", 4, v => v >= 2 && v <= 64 && v == Math.Floor(v), "must be a whole number in 2..64"),
                SyncToleranceMs = pipeline.NumberWhere("syncToleranceMs", 5, v => v >= 0 && v < periodMs / 2,
                    string.Create(CultureInfo.InvariantCulture, $"must be >= 0 and below half the frame period ({periodMs / 2:0.###} ms)")),
                SetDeadlineMs = pipeline.NumberWhere("setDeadlineMs", 0, v => v >= 0 && v <= 4 * periodMs,
                    string.Create(CultureInfo.InvariantCulture, $"must be in 0..{4 * periodMs:0.###} ms (0: three quarters of a frame period)")),
            };
        }

        if (root.OptionalChild("inference") is JsonConfigNode inference)
        {
            settings = settings with { Inference = InferenceSettingsSection.Parse(inference, directory) };
        }

        return settings;
    }

    internal static string ResolvePath(JsonConfigNode root, string key, string directory)
    {
        JsonConfigNode node = root.Child(key);
        string value = node.AsString();
        string full = Path.GetFullPath(Path.Combine(directory, value));
        if (!File.Exists(full))
        {
            throw node.Error("must name an existing file (relative paths are relative to this settings file)", full);
        }

        return full;
    }
}
