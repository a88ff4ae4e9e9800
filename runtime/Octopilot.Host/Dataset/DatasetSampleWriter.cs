using Octopilot.Cameras.Synthetic;
using Octopilot.Core.Calibration;
using StbImageWriteSharp;

namespace Octopilot.Host.Dataset;

/// <summary>
/// Renders one scene from every rig camera and writes its sample folder: per camera <c>&lt;camera&gt;.png</c> (RGB
/// after lighting), <c>&lt;camera&gt;.class.png</c> (8-bit grey, <see cref="Octopilot.Core.Labels.LabelClass"/> per
/// pixel), <c>&lt;camera&gt;.depth.npy</c> (float32 [H, W], camera-frame z in metres, 0 for sky) and
/// <c>&lt;camera&gt;.objects.json</c>. All cameras render the same sim time (no capture phase skew). Owns one RGB frame
/// and one label buffer, reused for every camera; one instance per export, single-threaded.
/// </summary>
internal sealed class DatasetSampleWriter
{
    private readonly CameraRig _scaledRig;
    private readonly int _widthPx, _heightPx;
    private readonly byte[] _rgb;
    private readonly ImageWriter _png = new();

    /// <param name="rig">The rig as calibrated; it is scaled to the mode here.</param>
    public DatasetSampleWriter(CameraRig rig, int widthPx, int heightPx)
    {
        _scaledRig = rig.ScaledTo(widthPx, heightPx);
        _widthPx = widthPx;
        _heightPx = heightPx;
        _rgb = new byte[widthPx * heightPx * 3];
    }

    /// <summary>Writes the sample folder (created here) and returns the files written and their total size in bytes.</summary>
    public (int Files, long Bytes) Write(string sampleFolder, SceneVariant variant)
    {
        Directory.CreateDirectory(sampleFolder);
        var world = new HighwayWorld(variant.Scenario);
        int files = 0;
        long bytes = 0;
        foreach (CameraCalibration camera in _scaledRig.Cameras)
        {
            // The ray tables depend on the camera only, but a renderer is bound to its world: one per camera and scene.
            var renderer = new HighwayRenderer(camera, world);
            LabelBuffer labels = renderer.CreateLabelBuffer();
            renderer.Render(variant.SimTimeNs, _rgb, labels);
            variant.Lighting.Apply(_rgb);
            string stem = Path.Combine(sampleFolder, camera.Name);
            bytes += WritePng(stem + ".png", _rgb, ColorComponents.RedGreenBlue);
            bytes += WritePng(stem + ".class.png", labels.ClassMap.ToArray(), ColorComponents.Grey);
            NpyWriter.WriteFloat32(stem + ".depth.npy", labels.DepthM, _heightPx, _widthPx);
            bytes += new FileInfo(stem + ".depth.npy").Length;
            ObjectLabelsJsonWriter.Write(stem + ".objects.json", labels.Objects, camera);
            bytes += new FileInfo(stem + ".objects.json").Length;
            files += DatasetFormat.CameraFileSuffixes.Count;
        }

        return (files, bytes);
    }

    private long WritePng(string path, byte[] pixels, ColorComponents components)
    {
        using FileStream file = File.Create(path);
        _png.WritePng(pixels, _widthPx, _heightPx, components, file);
        return file.Position;
    }
}
