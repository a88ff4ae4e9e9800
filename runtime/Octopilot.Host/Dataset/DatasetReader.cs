using StbImageSharp;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Opens an <c>octopilot-dataset/1</c> folder for reading a split: the manifest and, for every selected sample and
/// camera, the four files (present; PNG sizes and channels from their headers; the .npy header; the objects parsed) are
/// checked when it opens, so a broken file is refused before the first sample is used, naming the file
/// (<see cref="DatasetFormatException"/>, exit 2). Pixels are decoded per sample by <see cref="Load"/>. Allocates.
/// </summary>
internal sealed class DatasetReader
{
    private readonly Dictionary<(string Sample, string Camera), LabelledObject[]> _objects = [];

    private DatasetReader(DatasetManifest manifest, IReadOnlyList<DatasetSampleEntry> selected)
    {
        Manifest = manifest;
        Selected = selected;
    }

    public DatasetManifest Manifest { get; }

    /// <summary>The samples of the requested split, in manifest order (at most the limit).</summary>
    public IReadOnlyList<DatasetSampleEntry> Selected { get; }

    /// <param name="split">null: every sample.</param>
    /// <param name="limit">Largest number of samples taken (the first ones of the split); 0: all.</param>
    public static DatasetReader Open(string root, DatasetSplit? split, int limit)
    {
        DatasetManifest manifest = DatasetManifest.Load(root);
        IEnumerable<DatasetSampleEntry> chosen = manifest.Samples.Where(s => split is null || s.Split == split);
        DatasetSampleEntry[] selected = (limit > 0 ? chosen.Take(limit) : chosen).ToArray();
        var reader = new DatasetReader(manifest, selected);
        foreach (DatasetSampleEntry sample in selected)
        {
            foreach (string camera in manifest.Cameras)
            {
                reader.Check(sample.Id, camera);
            }
        }

        return reader;
    }

    public string CameraFile(string sampleId, string camera, string suffix) => Path.Combine(Manifest.SampleFolder(sampleId), camera + suffix);

    /// <summary>Decodes one camera image of a selected sample (files checked at open; a file changed since is still refused by name).</summary>
    public DatasetImage Load(string sampleId, string camera)
    {
        int w = Manifest.WidthPx, h = Manifest.HeightPx;
        byte[] rgb = DecodePng(CameraFile(sampleId, camera, ".png"), ColorComponents.RedGreenBlue, w, h);
        byte[] labels = DecodePng(CameraFile(sampleId, camera, ".class.png"), ColorComponents.Grey, w, h);
        float[] depth = NpyReader.ReadFloat32(CameraFile(sampleId, camera, ".depth.npy"), h, w);
        return new DatasetImage(sampleId, camera, rgb, labels, depth, _objects[(sampleId, camera)]);
    }

    private void Check(string sampleId, string camera)
    {
        foreach (string suffix in DatasetFormat.CameraFileSuffixes)
        {
            string path = CameraFile(sampleId, camera, suffix);
            if (!File.Exists(path))
            {
                throw new DatasetFormatException(path, $"missing (sample {sampleId}, camera {camera})");
            }
        }

        CheckPngHeader(CameraFile(sampleId, camera, ".png"), ColorComponents.RedGreenBlue);
        CheckPngHeader(CameraFile(sampleId, camera, ".class.png"), ColorComponents.Grey);
        NpyReader.CheckFloat32Header(CameraFile(sampleId, camera, ".depth.npy"), Manifest.HeightPx, Manifest.WidthPx);
        _objects[(sampleId, camera)] = ObjectLabelsJsonReader.Read(CameraFile(sampleId, camera, ".objects.json"), Manifest.WidthPx, Manifest.HeightPx, Manifest.Classes);
    }

    private void CheckPngHeader(string path, ColorComponents components)
    {
        ImageInfo? info;
        try
        {
            using FileStream stream = File.OpenRead(path);
            info = ImageInfo.FromStream(stream);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or NotSupportedException or ArgumentException)
        {
            throw new DatasetFormatException(path, $"not a PNG stb_image can read: {e.Message}", e);
        }

        if (info is not ImageInfo i)
        {
            throw new DatasetFormatException(path, "not a PNG stb_image can read");
        }

        if (i.Width != Manifest.WidthPx || i.Height != Manifest.HeightPx || i.ColorComponents != components)
        {
            throw new DatasetFormatException(
                path, $"is {i.Width}x{i.Height} with {Channels(i.ColorComponents)} channel(s); the manifest's mode needs {Manifest.WidthPx}x{Manifest.HeightPx} with {Channels(components)}");
        }
    }

    private static int Channels(ColorComponents components) => components switch
    {
        ColorComponents.Grey => 1,
        ColorComponents.GreyAlpha => 2,
        ColorComponents.RedGreenBlue => 3,
        _ => 4,
    };

    private static byte[] DecodePng(string path, ColorComponents components, int widthPx, int heightPx)
    {
        try
        {
            using FileStream stream = File.OpenRead(path);
            ImageResult image = ImageResult.FromStream(stream, components);
            if (image.Width != widthPx || image.Height != heightPx)
            {
                throw new DatasetFormatException(path, $"is {image.Width}x{image.Height}; the manifest's mode needs {widthPx}x{heightPx}");
            }

            return image.Data;
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or NotSupportedException or ArgumentException)
        {
            throw new DatasetFormatException(path, $"not a PNG stb_image can read: {e.Message}", e);
        }
    }
}
