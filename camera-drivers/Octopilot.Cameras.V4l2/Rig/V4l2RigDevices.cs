using System.Text.Json;
using Octopilot.Cameras.V4l2.Device;
using Octopilot.Cameras.V4l2.Streaming;
using Octopilot.Core.Configuration;

namespace Octopilot.Cameras.V4l2.Rig;

/// <summary>
/// The rig file's <c>devices</c> section: which cameras of the rig are V4L2 devices, at which node, in which pixel
/// format. The calibration and the device belong together (a calibration is of one physical camera), so they share
/// the file; cameras not listed stay synthetic (or come from the settings' video files).
/// <code>
/// "devices": {
///   "main_forward": { "path": "/dev/v4l/by-path/platform-3610000.usb-usb-0:1:1.0-video-index0", "pixelFormat": "YUYV", "buffers": 4 },
///   "left_pillar": "/dev/video2"
/// }
/// </code>
/// Every broken rule is a <see cref="ConfigException"/> naming file, field, rule and value.
/// </summary>
public static class V4l2RigDevices
{
    /// <summary>The section of <paramref name="rigFile"/> (empty when it has none), checked against the rig's camera names.</summary>
    public static IReadOnlyDictionary<string, V4l2CameraOptions> Load(string rigFile, IReadOnlyCollection<string> cameraNames)
    {
        JsonConfigNode root = JsonConfigNode.ParseFile(rigFile);
        var devices = new Dictionary<string, V4l2CameraOptions>(StringComparer.Ordinal);
        if (root.OptionalChild("devices") is not JsonConfigNode section)
        {
            return devices;
        }

        section.RequireKind(JsonValueKind.Object, "must map camera names to device paths or { path, pixelFormat, buffers }");
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (JsonProperty entry in section.Element.EnumerateObject())
        {
            JsonConfigNode node = section.Child(entry.Name);
            if (!cameraNames.Contains(entry.Name))
            {
                throw node.Error($"must name a camera of the rig ({string.Join(", ", cameraNames)})", entry.Name);
            }

            V4l2CameraOptions options = Parse(node);
            if (paths.TryGetValue(options.DevicePath, out string? other))
            {
                throw node.Error($"device {options.DevicePath} is already camera {other}'s: one node streams to one camera", options.DevicePath);
            }

            paths[options.DevicePath] = entry.Name;
            devices[entry.Name] = options;
        }

        return devices;
    }

    private static V4l2CameraOptions Parse(JsonConfigNode node)
    {
        if (node.Element.ValueKind == JsonValueKind.String)
        {
            return new V4l2CameraOptions { DevicePath = DevicePath(node) };
        }

        node.RejectUnknownKeys("path", "pixelFormat", "buffers");
        string path = DevicePath(node.Child("path"));
        V4l2FourCc? format = null;
        if (node.OptionalChild("pixelFormat") is JsonConfigNode f)
        {
            string text = f.AsString();
            V4l2FourCc? parsed = text.Length == 4 && text.All(char.IsAsciiLetterOrDigit) ? V4l2FourCc.Of(text) : null;
            format = parsed is V4l2FourCc p && DriverFrameConverter.IsSupported(p)
                ? p
                : throw f.Error($"must be a pixel format this runtime converts: {string.Join(", ", DriverFrameConverter.Supported)}", text);
        }

        int buffers = node.Integer("buffers", V4l2CameraOptions.DefaultBufferCount);
        if (buffers is < 2 or > 32)
        {
            throw node.FieldError("buffers", "must be a whole number of driver buffers in 2..32", buffers.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return new V4l2CameraOptions { DevicePath = path, PixelFormat = format, BufferCount = buffers };
    }

    private static string DevicePath(JsonConfigNode node)
    {
        string path = node.AsString();
        return path.StartsWith('/') && path.Length > 1
            ? path
            : throw node.Error("must be an absolute device path such as /dev/video0 or /dev/v4l/by-path/...", path);
    }
}
