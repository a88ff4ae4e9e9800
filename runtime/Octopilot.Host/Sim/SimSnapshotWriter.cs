using Octopilot.Cameras;
using Octopilot.Cameras.Synthetic;
using Octopilot.Host.Snapshots;

namespace Octopilot.Host.Sim;

/// <summary>
/// Writes the `--snapshot` pictures after a run: the eight camera views of one captured set, and their ground-truth
/// label maps (rendered for the same start-of-frame times, with object boxes), each as one captioned PNG mosaic.
/// </summary>
internal static class SimSnapshotWriter
{
    public static IReadOnlyList<string> Write(string directory, SnapshotCapture capture, IReadOnlyList<SyntheticCamera> cameras)
    {
        Directory.CreateDirectory(directory);
        int width = cameras[0].Mode.WidthPx, height = cameras[0].Mode.HeightPx;
        var layout = new MosaicLayout(cameras.Count, width, height);
        string[] captions = cameras.Select(c => c.Name).ToArray();

        var views = new MosaicPngWriter(layout, captions);
        var labels = new MosaicPngWriter(layout, captions);
        for (int i = 0; i < cameras.Count; i++)
        {
            views.SetTile(i, capture.Frames[i]);

            LabelBuffer buffer = cameras[i].CreateLabelBuffer();
            cameras[i].RenderLabels(new FrameTicket(capture.StartOfFrameNs(i), capture.Sequence(i)), buffer);
            byte[] tile = LabelColorizer.Colorize(buffer.ClassMap);
            foreach (ObjectLabel label in buffer.Objects)
            {
                LabelColorizer.DrawBoxOutline(tile, width, height, label.MinUPx, label.MinVPx, label.MaxUPx, label.MaxVPx, LabelColorizer.BoxColor);
            }

            labels.SetTile(i, tile);
        }

        string viewsPath = Path.Combine(directory, "cameras.png");
        string labelsPath = Path.Combine(directory, "labels.png");
        views.WritePng(viewsPath);
        labels.WritePng(labelsPath);
        return [viewsPath, labelsPath];
    }
}
