using Octopilot.Inference.ForeignHeads;
using Octopilot.Inference.ForeignModel;

namespace Octopilot.Host.Evaluation;

/// <summary>
/// Catches each camera's head maps at the model's output grid while the engine runs (the runtime grid: frame / map
/// stride, which for a contract HydraNet run at its input size is exactly its output tensor, so each cell is the raw
/// model value): every segmentation head, in manifest order, and the depth head. The same decoders the car's engine
/// uses; <c>perceive</c>'s <see cref="Perceive.ImageMaps"/> does this at image resolution. Off the hot path: allocates.
/// </summary>
internal sealed class GridMaps : IForeignOutputObserver
{
    private readonly MapResampler[] _segmentation;
    private readonly MapResampler? _depth;

    public GridMaps(ForeignHeadSet heads, int widthCells, int heightCells, int frameWidthPx, int frameHeightPx, int cameraCount)
    {
        MapGrid grid = MapGrid.OverFrame(widthCells, heightCells, frameWidthPx, frameHeightPx);
        _segmentation = Enumerable.Range(0, heads.SegmentationCount).Select(i => heads.CreateSegmentationResampler(i, grid)).ToArray();
        _depth = heads.HasDepth ? heads.CreateDepthResampler(grid) : null;
        WidthCells = widthCells;
        HeightCells = heightCells;
        Segmentation = new float[cameraCount][][];
        DepthM = new float[cameraCount][];
    }

    public int WidthCells { get; }

    public int HeightCells { get; }

    /// <summary>Per camera, per segmentation head (manifest order): probability 0..1 per cell, row-major. Valid until the next run.</summary>
    public float[][][] Segmentation { get; }

    /// <summary>Per camera: depth in metres per cell (0 = invalid), or null without a depth head.</summary>
    public float[]?[] DepthM { get; }

    public void OnImage(int camera, int batchIndex, ForeignHeadSet heads)
    {
        Segmentation[camera] = new float[_segmentation.Length][];
        for (int i = 0; i < _segmentation.Length; i++)
        {
            Segmentation[camera][i] = new float[WidthCells * HeightCells];
            heads.DecodeSegmentation(i, batchIndex, _segmentation[i], Segmentation[camera][i]);
        }

        if (_depth is not null)
        {
            DepthM[camera] = new float[WidthCells * HeightCells];
            heads.DecodeDepth(batchIndex, _depth, DepthM[camera]);
        }
    }
}
