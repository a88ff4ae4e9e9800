using System.Text.Json;
using Octopilot.Cameras.V4l2.Device;

namespace Octopilot.Host.Cameras;

/// <summary>Writes `octopilot cameras list` as text (for people) or JSON (for rig tooling).</summary>
internal static class CameraListWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void WriteText(IReadOnlyList<V4l2DeviceListing> devices, string devDirectory, TextWriter output)
    {
        if (devices.Count == 0)
        {
            output.WriteLine($"no V4L2 devices under {devDirectory} (is the camera driver loaded? e.g. `modprobe uvcvideo`, or `modprobe vivid` for the virtual one)");
            return;
        }

        foreach (V4l2DeviceListing device in devices)
        {
            V4l2Capabilities? caps = device.Capabilities;
            output.WriteLine(caps is null
                ? device.Path
                : $"{device.Path}  {caps.Driver} '{caps.Card}' ({caps.BusInfo}), kernel {caps.KernelVersionText}");
            foreach (string link in device.StableLinks)
            {
                output.WriteLine($"  stable name: {link}");
            }

            if (device.Error is not null)
            {
                output.WriteLine($"  not usable: {device.Error}");
                continue;
            }

            foreach (V4l2FormatListing format in device.Formats)
            {
                string note = format.Convertible ? string.Empty : format.Format.Compressed ? "  (compressed: not read by this runtime)" : "  (not converted by this runtime)";
                output.WriteLine($"  {format.Format.FourCc}  {format.Format.Description}{note}");
                foreach (V4l2SizeListing size in format.Sizes)
                {
                    string rates = size.Rates.Count == 0 ? "rate not enumerated" : string.Join("/", size.Rates) + " fps";
                    output.WriteLine($"    {size.Size}  @ {rates}");
                }
            }
        }
    }

    public static void WriteJson(IReadOnlyList<V4l2DeviceListing> devices, TextWriter output)
    {
        var list = devices.Select(d => new
        {
            path = d.Path,
            stableLinks = d.StableLinks,
            driver = d.Capabilities?.Driver,
            card = d.Capabilities?.Card,
            busInfo = d.Capabilities?.BusInfo,
            error = d.Error,
            formats = d.Formats.Select(f => new
            {
                fourcc = f.Format.FourCc.ToString(),
                description = f.Format.Description,
                compressed = f.Format.Compressed,
                convertible = f.Convertible,
                sizes = f.Sizes.Select(s => new
                {
                    minWidthPx = s.Size.MinWidthPx,
                    maxWidthPx = s.Size.MaxWidthPx,
                    stepWidthPx = s.Size.StepWidthPx,
                    minHeightPx = s.Size.MinHeightPx,
                    maxHeightPx = s.Size.MaxHeightPx,
                    stepHeightPx = s.Size.StepHeightPx,
                    framesPerSecond = s.Rates.Select(r => new { min = Round(r.MinFramesPerSecond), max = Round(r.MaxFramesPerSecond) }),
                }),
            }),
        });
        output.WriteLine(JsonSerializer.Serialize(new { schema = "octopilot-cameras/1", devices = list }, Indented));
    }

    private static double Round(double fps) => Math.Round(fps, 3, MidpointRounding.AwayFromZero);

}
