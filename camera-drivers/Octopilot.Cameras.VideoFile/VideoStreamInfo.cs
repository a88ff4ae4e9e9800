using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Octopilot.Cameras.VideoFile;

/// <summary>What ffprobe says of a file's first video stream.</summary>
public sealed record VideoStreamInfo(string Codec, int WidthPx, int HeightPx, double FramesPerSecond)
{
    /// <summary>
    /// Runs <c>ffprobe</c> on <paramref name="path"/>. Throws <see cref="CameraException"/> naming the camera and the file
    /// when ffprobe is missing, the file is absent, or it holds no decodable video stream (ffprobe's own words included).
    /// </summary>
    public static VideoStreamInfo Probe(string camera, string path, string ffprobe)
    {
        if (!File.Exists(path))
        {
            throw new CameraException($"camera {camera}: video file not found: {Path.GetFullPath(path)}");
        }

        string output, error;
        using (Process process = FfmpegTool.Start(camera, ffprobe,
            ["-v", "error", "-select_streams", "v:0", "-show_entries", "stream=codec_name,width,height,avg_frame_rate,r_frame_rate", "-of", "json", path]))
        {
            Task<string> errorText = process.StandardError.ReadToEndAsync();
            output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            error = errorText.Result.Trim();
        }

        JsonElement streams;
        try
        {
            streams = JsonDocument.Parse(output).RootElement.GetProperty("streams");
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException)
        {
            throw new CameraException($"camera {camera}: {path} is not a video ffprobe can read{(error.Length > 0 ? $": {error}" : string.Empty)}", e);
        }

        if (streams.GetArrayLength() == 0)
        {
            throw new CameraException($"camera {camera}: {path} has no video stream{(error.Length > 0 ? $" ({error})" : string.Empty)}");
        }

        JsonElement s = streams[0];
        double fps = Rate(s, "avg_frame_rate") is double avg and > 0 ? avg : Rate(s, "r_frame_rate") ?? 0;
        int width = s.TryGetProperty("width", out JsonElement w) ? w.GetInt32() : 0, height = s.TryGetProperty("height", out JsonElement h) ? h.GetInt32() : 0;
        if (width <= 0 || height <= 0 || !(fps > 0))
        {
            throw new CameraException($"camera {camera}: {path}: the video stream has no usable size or rate ({width}x{height} at {fps} fps)");
        }

        return new VideoStreamInfo(s.TryGetProperty("codec_name", out JsonElement c) ? c.GetString() ?? "?" : "?", width, height, fps);
    }

    private static double? Rate(JsonElement stream, string key)
    {
        if (!stream.TryGetProperty(key, out JsonElement value) || value.GetString() is not string text)
        {
            return null;
        }

        string[] parts = text.Split('/');
        return parts.Length == 2 && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double n)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double d) && d > 0
            ? n / d
            : null;
    }
}
