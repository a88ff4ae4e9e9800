namespace Octopilot.Host.Perceive;

/// <summary>One still image for <c>octopilot perceive</c>: the camera it stands for, where it came from, its RGB24 pixels.</summary>
internal sealed record StillImage(string CameraName, string Path, int WidthPx, int HeightPx, byte[] Rgb24)
{
    /// <summary>File-name stem for this image's outputs (the camera name, safe for a file system).</summary>
    public string OutputStem => string.Concat(CameraName.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '_'));
}
