using Octopilot.Cameras.V4l2.Streaming;

namespace Octopilot.Cameras.V4l2.Device;

/// <summary>
/// Finds the V4L2 nodes of this machine (/dev/video*) and reads what each offers, for `octopilot cameras list` and for
/// mapping a rig's cameras onto devices. Stable names come from /dev/v4l/by-path and /dev/v4l/by-id (udev's links, which
/// survive re-enumeration: a rig should name those). A node that cannot be opened or queried is listed with the reason,
/// not skipped. Reads devices only (no streaming): safe while other processes capture.
/// </summary>
public static class V4l2DeviceCatalog
{
    public static IReadOnlyList<V4l2DeviceListing> List(string devDirectory = "/dev")
    {
        devDirectory = Path.GetFullPath(devDirectory); // the stable links resolve to absolute paths: match nodes by those
        if (!Directory.Exists(devDirectory))
        {
            return [];
        }

        Dictionary<string, List<string>> links = StableLinks(Path.Combine(devDirectory, "v4l"));
        return Directory.EnumerateFiles(devDirectory, "video*")
            .Where(p => int.TryParse(Path.GetFileName(p)["video".Length..], out _))
            .OrderBy(p => int.Parse(Path.GetFileName(p)["video".Length..], System.Globalization.CultureInfo.InvariantCulture))
            .Select(p => Describe(p, links.TryGetValue(p, out List<string>? l) ? l : []))
            .ToList();
    }

    /// <summary>Reads one node; failures become the listing's <see cref="V4l2DeviceListing.Error"/>.</summary>
    public static V4l2DeviceListing Describe(string path, IReadOnlyList<string> stableLinks)
    {
        try
        {
            using V4l2Device device = V4l2Device.Open(path);
            V4l2Capabilities caps = device.QueryCapabilities();
            if (!caps.CanCaptureStreaming)
            {
                return new V4l2DeviceListing(path, stableLinks, caps, [], caps.IsMultiplanarCapture
                    ? "multi-planar capture node (not read by this runtime)"
                    : "not a streaming capture node (metadata, output or radio)");
            }

            var formats = new List<V4l2FormatListing>();
            foreach (V4l2FormatDescription format in device.EnumerateFormats())
            {
                var sizes = new List<V4l2SizeListing>();
                foreach (V4l2FrameSize size in device.EnumerateFrameSizes(format.FourCc))
                {
                    sizes.Add(new V4l2SizeListing(size, device.EnumerateFrameIntervals(format.FourCc, size.MaxWidthPx, size.MaxHeightPx)));
                }

                formats.Add(new V4l2FormatListing(format, DriverFrameConverter.IsSupported(format.FourCc), sizes));
            }

            return new V4l2DeviceListing(path, stableLinks, caps, formats, null);
        }
        catch (V4l2Exception e)
        {
            return new V4l2DeviceListing(path, stableLinks, null, [], e.Message);
        }
    }

    private static Dictionary<string, List<string>> StableLinks(string v4lDirectory)
    {
        var links = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (string kind in new[] { "by-path", "by-id" })
        {
            string directory = Path.Combine(v4lDirectory, kind);
            if (!Directory.Exists(directory))
            {
                continue;
            }

            foreach (string link in Directory.EnumerateFileSystemEntries(directory).Order(StringComparer.Ordinal))
            {
                string? target = new FileInfo(link).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
                if (target is not null)
                {
                    (links.TryGetValue(target, out List<string>? l) ? l : links[target] = []).Add(link);
                }
            }
        }

        return links;
    }
}
