using System.Diagnostics;

namespace Octopilot.Cameras.VideoFile;

/// <summary>Starts ffmpeg or ffprobe with redirected output; a missing tool is a <see cref="CameraException"/> saying how to install it.</summary>
internal static class FfmpegTool
{
    public static Process Start(string camera, string tool, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            return Process.Start(start) ?? throw new CameraException($"camera {camera}: could not start {tool}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new CameraException($"camera {camera}: video files need ffmpeg, '{tool}' was not found ({e.Message}); install it: apt-get install ffmpeg", e);
        }
    }
}
