using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.ForeignModel;

namespace Octopilot.Host.Perceive;

/// <summary>
/// Catches each camera's head maps at the image's own resolution while the engine runs (one cell per image pixel, decoded
/// from the model's raw output, not upsampled from the runtime map): every segmentation head (lanes, drivable and any
/// other named class map) and the depth head. Off the hot path: allocates the maps.
/// </summary>
internal sealed class ImageMaps : IForeignOutputObserver
{
    private readonly MapResampler[] _segmentation;
    private readonly MapResampler? _depth;

    public ImageMaps(ForeignHeadSet heads, int imageWidthPx, int imageHeightPx, int cameraCount)
    {
        MapGrid grid = MapGrid.OverFrame(imageWidthPx, imageHeightPx, imageWidthPx, imageHeightPx);
        _segmentation = Enumerable.Range(0, heads.SegmentationCount).Select(i => heads.CreateSegmentationResampler(i, grid)).ToArray();
        _depth = heads.HasDepth ? heads.CreateDepthResampler(grid) : null;
        WidthPx = imageWidthPx;
        HeightPx = imageHeightPx;
        Segmentation = new float[cameraCount][][];
        DepthM = new float[cameraCount][];
    }

    public int WidthPx { get; }

    public int HeightPx { get; }

    /// <summary>Per camera, per segmentation head (manifest order): probability 0..1 per image pixel, row-major.</summary>
    public float[][][] Segmentation { get; }

    /// <summary>Per camera: depth in metres per image pixel (0 = invalid), or null without a depth head.</summary>
    public float[]?[] DepthM { get; }

    public void OnImage(int camera, int batchIndex, ForeignHeadSet heads)
    {
        Segmentation[camera] = new float[_segmentation.Length][];
        for (int i = 0; i < _segmentation.Length; i++)
        {
            Segmentation[camera][i] = new float[WidthPx * HeightPx];
            heads.DecodeSegmentation(i, batchIndex, _segmentation[i], Segmentation[camera][i]);
        }

        if (_depth is not null)
        {
            DepthM[camera] = new float[WidthPx * HeightPx];
            heads.DecodeDepth(batchIndex, _depth, DepthM[camera]);
        }
    }
}
