using System.Globalization;
using Octopilot.Cameras;
using Octopilot.Cameras.V4l2;
using Octopilot.Cameras.VideoFile;

namespace Octopilot.Host.Cameras;

/// <summary>One line per opened camera source for the run's header: where its frames come from and what reaching the slab costs.</summary>
internal static class CameraSourceDescription
{
    public static string Describe(ICameraSource source) => source switch
    {
        V4l2Camera v => string.Create(CultureInfo.InvariantCulture,
            $"camera {v.Name}: V4L2 {v.DevicePath} ({v.Capabilities?.Driver} '{v.Capabilities?.Card}'), {v.DriverFormat.FourCc} {v.DriverFormat.WidthPx}x{v.DriverFormat.HeightPx} at {(v.DriverFramesPerSecond is double fps ? fps.ToString("0.##", CultureInfo.InvariantCulture) + " fps" : "the driver's own rate")}, {v.BufferCount} mmap buffers; {v.Transfer}"),
        VideoFileCamera f => string.Create(CultureInfo.InvariantCulture,
            $"camera {f.Name}: video file {f.FilePath} ({f.Source?.Codec} {f.Source?.WidthPx}x{f.Source?.HeightPx} at {f.Source?.FramesPerSecond:0.##} fps) through ffmpeg; {f.Transfer}"),
        _ => $"camera {source.Name}: {source.GetType().Name}; {source.Transfer}",
    };
}
