using Octopilot.Host.Cli;
using StbImageSharp;

namespace Octopilot.Host.Perceive;

/// <summary>
/// Reads the IMAGES arguments of <c>octopilot perceive</c>: each <c>CAM_NAME=path</c> (one per camera of a rig), or
/// a single bare path (camera name <see cref="SingleCameraName"/>). PNG, JPEG, BMP, TGA (stb_image). All images of one
/// run must share a size (they fill one frame slab, as a frame set does). Errors name the argument and the rule (exit 2).
/// </summary>
internal static class StillImageLoader
{
    public const string SingleCameraName = "image";

    public static IReadOnlyList<StillImage> Load(IReadOnlyList<string> arguments)
    {
        if (arguments.Count == 0)
        {
            throw new UsageException("perceive: give at least one image (CAM_NAME=path per camera, or one path)");
        }

        var images = new List<StillImage>(arguments.Count);
        foreach (string argument in arguments)
        {
            int equals = argument.IndexOf('=', StringComparison.Ordinal);
            bool named = equals > 0 && !File.Exists(argument);
            if (!named && arguments.Count > 1)
            {
                throw new UsageException($"perceive: \"{argument}\": with several images each must be CAM_NAME=path (camera names from the rig)");
            }

            string name = named ? argument[..equals] : SingleCameraName;
            string path = named ? argument[(equals + 1)..] : argument;
            if (images.Any(i => i.CameraName == name))
            {
                throw new UsageException($"perceive: camera \"{name}\" is given twice");
            }

            images.Add(Decode(name, path));
        }

        StillImage first = images[0];
        foreach (StillImage image in images.Skip(1))
        {
            if (image.WidthPx != first.WidthPx || image.HeightPx != first.HeightPx)
            {
                throw new UsageException($"perceive: {image.CameraName} is {image.WidthPx}x{image.HeightPx} but {first.CameraName} is {first.WidthPx}x{first.HeightPx}: one run takes images of one size");
            }
        }

        return images;
    }

    private static StillImage Decode(string name, string path)
    {
        if (!File.Exists(path))
        {
            throw new UsageException($"perceive: image for {name} not found: {path}");
        }

        try
        {
            using FileStream stream = File.OpenRead(path);
            ImageResult image = ImageResult.FromStream(stream, ColorComponents.RedGreenBlue);
            return new StillImage(name, path, image.Width, image.Height, image.Data);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or NotSupportedException or ArgumentException)
        {
            throw new UsageException($"perceive: {path} ({name}) is not an image stb_image can read (PNG, JPEG, BMP, TGA): {e.Message}", e);
        }
    }
}
