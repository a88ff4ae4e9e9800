using System.Globalization;
using System.Text;
using Octopilot.Core.Frames;

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>
/// Picks the driver pixel format for a camera mode from what the device enumerates, or refuses with a message that
/// names the camera, the device, what was asked and everything the device offers (the sizes and rates of each format),
/// so a rig file can be fixed from the message alone. Pure: the enumeration comes in as functions, so the rules are
/// tested without a device.
/// </summary>
public static class V4l2ModeSelector
{
    /// <summary>The format to set: <paramref name="preferred"/> when given (and offered at the mode's size and rate),
    /// else the first of <paramref name="convertible"/> the device offers at that size and rate.</summary>
    public static V4l2FourCc Select(
        string camera,
        string devicePath,
        CameraMode mode,
        V4l2FourCc? preferred,
        IReadOnlyList<V4l2FourCc> convertible,
        IReadOnlyList<V4l2FormatDescription> formats,
        Func<V4l2FourCc, IReadOnlyList<V4l2FrameSize>> sizesOf,
        Func<V4l2FourCc, int, int, IReadOnlyList<V4l2FrameInterval>> ratesOf)
    {
        string asked = string.Create(CultureInfo.InvariantCulture, $"{mode.WidthPx}x{mode.HeightPx} at {mode.FramesPerSecond:0.##} fps");
        if (preferred is V4l2FourCc wanted)
        {
            if (!convertible.Contains(wanted))
            {
                throw new CameraException(
                    $"camera {camera} ({devicePath}): pixel format {wanted} cannot be converted into the model's RGB24; use one of {string.Join(", ", convertible)}");
            }

            if (formats.Any(f => f.FourCc == wanted) && Offers(wanted, mode, sizesOf, ratesOf))
            {
                return wanted;
            }

            throw new CameraException($"camera {camera} ({devicePath}): cannot deliver {wanted} {asked}; it offers {Describe(formats, sizesOf, ratesOf)}");
        }

        foreach (V4l2FourCc candidate in convertible)
        {
            if (formats.Any(f => f.FourCc == candidate) && Offers(candidate, mode, sizesOf, ratesOf))
            {
                return candidate;
            }
        }

        throw new CameraException(
            $"camera {camera} ({devicePath}): cannot deliver {asked} in any format this runtime converts ({string.Join(", ", convertible)}); it offers {Describe(formats, sizesOf, ratesOf)}");
    }

    /// <summary>"YUYV 640x480 @ 30, 25 fps; 1280x720 @ 10 fps; MJPG (compressed) ...": everything offered, for messages and listings.</summary>
    public static string Describe(
        IReadOnlyList<V4l2FormatDescription> formats,
        Func<V4l2FourCc, IReadOnlyList<V4l2FrameSize>> sizesOf,
        Func<V4l2FourCc, int, int, IReadOnlyList<V4l2FrameInterval>> ratesOf)
    {
        if (formats.Count == 0)
        {
            return "no capture formats";
        }

        var text = new StringBuilder();
        foreach (V4l2FormatDescription format in formats)
        {
            text.Append(text.Length == 0 ? string.Empty : "; ").Append(format.FourCc).Append(format.Compressed ? " (compressed)" : string.Empty);
            IReadOnlyList<V4l2FrameSize> sizes = sizesOf(format.FourCc);
            for (int i = 0; i < sizes.Count; i++)
            {
                V4l2FrameSize size = sizes[i];
                IReadOnlyList<V4l2FrameInterval> rates = ratesOf(format.FourCc, size.MaxWidthPx, size.MaxHeightPx);
                text.Append(i == 0 ? " " : ", ").Append(size);
                if (rates.Count > 0)
                {
                    text.Append(" @ ").Append(string.Join("/", rates)).Append(" fps");
                }
            }
        }

        return text.ToString();
    }

    private static bool Offers(
        V4l2FourCc format, CameraMode mode, Func<V4l2FourCc, IReadOnlyList<V4l2FrameSize>> sizesOf, Func<V4l2FourCc, int, int, IReadOnlyList<V4l2FrameInterval>> ratesOf)
    {
        IReadOnlyList<V4l2FrameSize> sizes = sizesOf(format);
        // A driver that does not enumerate sizes is asked directly (S_FMT's answer is checked after setting it).
        if (sizes.Count > 0 && !sizes.Any(s => s.Allows(mode.WidthPx, mode.HeightPx)))
        {
            return false;
        }

        IReadOnlyList<V4l2FrameInterval> rates = ratesOf(format, mode.WidthPx, mode.HeightPx);
        return rates.Count == 0 || rates.Any(r => r.Allows(mode.FramesPerSecond));
    }
}
