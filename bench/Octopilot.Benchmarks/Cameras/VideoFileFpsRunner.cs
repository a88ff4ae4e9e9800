using System.Diagnostics;
using System.Globalization;
using Octopilot.Cameras;
using Octopilot.Cameras.VideoFile;
using Octopilot.Core.Frames;
using Octopilot.Core.Time;

namespace Octopilot.Benchmarks.Cameras;

/// <summary>
/// Sustained rate of the video-file camera, unpaced (as fast as ffmpeg decodes and the pipe delivers), reading every
/// frame into one slab-sized buffer. Run: <c>dotnet run -c Release --project bench/Octopilot.Benchmarks -- video-file-fps
/// FILE [WIDTHxHEIGHT] [--fps N]</c> (default: the file's size; the mode rate only sets ffmpeg's fps filter).
/// </summary>
internal static class VideoFileFpsRunner
{
    public static int Run(string[] args)
    {
        string file = args[0];
        VideoStreamInfo info = VideoStreamInfo.Probe("bench", file, "ffprobe");
        (int w, int h) = args.Length > 1 && args[1].Contains('x', StringComparison.Ordinal)
            ? (int.Parse(args[1].Split('x')[0], CultureInfo.InvariantCulture), int.Parse(args[1].Split('x')[1], CultureInfo.InvariantCulture))
            : (info.WidthPx, info.HeightPx);
        var mode = new CameraMode(w, h, PixelFormat.Rgb24, info.FramesPerSecond);
        using var camera = new VideoFileCamera("bench", file, MonotonicClock.Instance, paced: false);
        var frame = new byte[mode.FrameBytes];
        long start = Stopwatch.GetTimestamp();
        camera.Open(mode);
        int frames = 0;
        while (camera.WaitForFrame(CancellationToken.None, out FrameTicket t) == CaptureStatus.Ok && camera.ReadFrame(t, frame) == CaptureStatus.Ok)
        {
            frames++;
        }

        double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{Path.GetFileName(file)} ({info.Codec} {info.WidthPx}x{info.HeightPx} @ {info.FramesPerSecond:0.##} fps) as {w}x{h}: {frames} frames in {s:0.00} s = {frames / s:0.0} fps sustained (start-up included)"));
        return 0;
    }
}
